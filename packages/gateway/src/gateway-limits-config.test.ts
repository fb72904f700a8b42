import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFinOps } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { createGateway } from './create-gateway.js'
import { loadGatewayConfig } from './gateway-config.js'
import { memoryKeyStore } from './test-gateway.js'

const serverOf = (options: Parameters<typeof createGateway>[0]) => createGateway(options).server

describe('client time limits', () => {
  it('reads limits.header_timeout_ms from gateway.yaml', () => {
    const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-limits-'))
    writeFileSync(join(directory, 'gateway.yaml'), 'keys_file: keys.yaml\nupstreams: { openai: { api_key_env: KEY } }\nlimits: { header_timeout_ms: 2000, request_timeout_ms: 30000 }\n')
    expect(loadGatewayConfig(join(directory, 'gateway.yaml'), { KEY: 'sk' }).limits).toEqual({ headersTimeoutMs: 2000, requestTimeoutMs: 30_000 })
  })

  it('sets the server header, request and keep-alive timeouts, header timeout at most the request timeout', () => {
    const common = { finops: createFinOps(), keys: memoryKeyStore({}), upstreams: { openai: { apiKey: 'sk' } } }
    const defaults = serverOf(common)
    expect([defaults.headersTimeout, defaults.requestTimeout, defaults.keepAliveTimeout]).toEqual([10_000, 60_000, 5_000])
    const configured = serverOf({ ...common, headersTimeoutMs: 50_000, requestTimeoutMs: 20_000, keepAliveTimeoutMs: 1_000 })
    expect([configured.headersTimeout, configured.requestTimeout, configured.keepAliveTimeout]).toEqual([20_000, 20_000, 1_000])
  })
})
