import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { loadGatewayConfig } from './gateway-config.js'

const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-config-'))
const configFile = (text: string) => {
  const path = join(directory, `gateway-${Math.random().toString(36).slice(2)}.yaml`)
  writeFileSync(path, text)
  return path
}
const issuesOf = (path: string, env: Record<string, string> = {}) => {
  try {
    loadGatewayConfig(path, env)
  } catch (error) {
    if (ConfigError.isInstance(error)) return error.issues.map((issue) => issue.path)
    throw error
  }
  return []
}

describe('loadGatewayConfig', () => {
  it('reads a full config: paths against the file, provider keys from the named variables', () => {
    const path = configFile(`
listen: { host: 0.0.0.0, port: 9000 }
upstreams:
  openai: { base_url: 'http://127.0.0.1:4000/v1', api_key_env: MY_OPENAI_KEY }
policy_file: policies.yaml
keys_file: keys/keys.yaml
store: { redis: 'redis://127.0.0.1:6379', prefix: gw }
usage_jsonl: /var/lib/finops/usage.jsonl
limits: { max_body_bytes: 1024, shutdown_timeout_ms: 5000 }
`)
    expect(loadGatewayConfig(path, { MY_OPENAI_KEY: 'sk-1', ANTHROPIC_API_KEY: 'sk-ant-2' })).toEqual({
      listen: { host: '0.0.0.0', port: 9000 },
      upstreams: { openai: { apiKey: 'sk-1', baseURL: 'http://127.0.0.1:4000/v1' }, anthropic: { apiKey: 'sk-ant-2' } },
      policyFile: join(directory, 'policies.yaml'),
      keysFile: join(directory, 'keys', 'keys.yaml'),
      store: { kind: 'redis', url: 'redis://127.0.0.1:6379', prefix: 'gw' },
      usageJsonl: '/var/lib/finops/usage.jsonl',
      limits: { maxBodyBytes: 1024, shutdownTimeoutMs: 5000 },
    })
  })

  it('defaults to 127.0.0.1:8787, the memory store and the standard key variables', () => {
    expect(loadGatewayConfig(configFile('keys_file: keys.yaml\n'), { OPENAI_API_KEY: 'sk-1' })).toEqual({
      listen: { host: '127.0.0.1', port: 8787 },
      upstreams: { openai: { apiKey: 'sk-1' } },
      keysFile: join(directory, 'keys.yaml'),
      store: { kind: 'memory' },
      limits: {},
    })
  })

  it('names the path of every problem', () => {
    const path = configFile(`
listen: { port: 70000 }
upstreams:
  openai: { base_url: 'ftp://x', api_key_env: UNSET_KEY, extra: 1 }
store: { redis: 'http://not-redis' }
limits: { max_headers: 0 }
surprise: true
`)
    expect(issuesOf(path, { ANTHROPIC_API_KEY: 'sk-ant' })).toEqual([
      'surprise',
      'listen.port',
      'upstreams.openai.extra',
      'upstreams.openai.api_key_env',
      'upstreams.openai.base_url',
      'keys_file',
      'store.redis',
      'limits.max_headers',
    ])
  })

  it('reads the response cache section: its TTL and isolation keys; false or absent is no cache', () => {
    const env = { OPENAI_API_KEY: 'sk-1' }
    expect(loadGatewayConfig(configFile('keys_file: keys.yaml\ncache: { ttl_ms: 600000, isolate_by: [team] }\n'), env).cache).toEqual({ ttlMs: 600_000, isolateBy: ['team'] })
    expect(loadGatewayConfig(configFile('keys_file: keys.yaml\ncache: {}\n'), env).cache).toEqual({})
    expect(loadGatewayConfig(configFile('keys_file: keys.yaml\ncache: false\n'), env).cache).toBeUndefined()
    expect(loadGatewayConfig(configFile('keys_file: keys.yaml\n'), env).cache).toBeUndefined()
    expect(issuesOf(configFile('keys_file: keys.yaml\ncache: { ttl_ms: 0, isolate_by: team, ttl: 5 }\n'), env)).toEqual(['cache.ttl', 'cache.ttl_ms', 'cache.isolate_by'])
    expect(issuesOf(configFile("keys_file: keys.yaml\ncache: { isolate_by: [team, ''] }\n"), env)).toEqual(['cache.isolate_by[1]'])
    expect(issuesOf(configFile('keys_file: keys.yaml\ncache: yes please\n'), env)).toEqual(['cache'])
  })

  it('refuses a config with no provider key at all', () => {
    expect(issuesOf(configFile('keys_file: keys.yaml\n'))).toEqual(['upstreams'])
  })
})
