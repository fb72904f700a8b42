import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runGatewayCli } from './run-gateway-cli.js'
import type { ServedGateway } from './serve-gateway.js'

const UPSTREAM_KEY = 'sk-upstream-cli-SECRET-42'
const root = fileURLToPath(new URL('../../..', import.meta.url))
let provider: FakeProvider

beforeAll(async () => {
  provider = await fakeProvider()
  process.env.FINOPS_TEST_UPSTREAM_KEY = UPSTREAM_KEY
})
afterAll(async () => {
  delete process.env.FINOPS_TEST_UPSTREAM_KEY
  await provider.close()
})

/** A scratch directory with a gateway.yaml on the fake provider, a policy file, and one key created with the CLI. */
async function workspace() {
  const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-cli-'))
  writeFileSync(join(directory, 'policies.yaml'), 'policies:\n  - key: support\n    match: { team: support }\n    limits: { requests_per_minute: 100 }\n')
  writeFileSync(
    join(directory, 'gateway.yaml'),
    `listen: { port: 0 }\nupstreams:\n  openai: { base_url: '${provider.openaiBaseURL}', api_key_env: FINOPS_TEST_UPSTREAM_KEY }\npolicy_file: policies.yaml\nkeys_file: keys.yaml\nusage_jsonl: usage.jsonl\n`,
  )
  let secret = ''
  const created = await runGatewayCli(['keys', 'create', '--file', join(directory, 'keys.yaml'), '--id', 'vk_support', '--team', 'support', '--feature', 'rag'], {
    stdout: (text) => (secret += text),
    stderr: () => {},
    stopped: Promise.resolve(),
  })
  expect(created).toBe(0)
  return { directory, secret: secret.trim() }
}

const call = (url: string, secret: string) => new OpenAI({ baseURL: `${url}/v1`, apiKey: secret, maxRetries: 0 }).chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hello' }] })

describe('finops-ai-gateway', () => {
  it('serves with a key made by `keys create`, and writes the usage ledger on shutdown', async () => {
    const { directory, secret } = await workspace()
    let stop!: () => void
    const stopped = new Promise<void>((resolve) => (stop = resolve))
    let listening!: (served: ServedGateway) => void
    const served = new Promise<ServedGateway>((resolve) => (listening = resolve))
    const exited = runGatewayCli(['serve', '--config', join(directory, 'gateway.yaml')], { stdout: () => {}, stderr: () => {}, stopped, onListening: listening })
    await call((await served).url, secret)
    stop()
    expect(await exited).toBe(0)
    const ledger = readFileSync(join(directory, 'usage.jsonl'), 'utf8')
    expect(JSON.parse(ledger.trim())).toMatchObject({ model: 'gpt-4o', attribution: { team: 'support', feature: 'rag' }, policyKeys: ['support'] })
    expect(ledger).not.toContain(UPSTREAM_KEY)
  })

  it('exits 3 naming the config problem, and 2 on a wrong command line', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-cli-'))
    writeFileSync(join(directory, 'gateway.yaml'), 'keys_file: keys.yaml\nlisten: { port: -1 }\n')
    let errors = ''
    const io = { stdout: () => {}, stderr: (text: string) => void (errors += text), stopped: Promise.resolve() }
    expect(await runGatewayCli(['serve', '--config', join(directory, 'gateway.yaml')], io)).toBe(3)
    expect(errors).toMatch(/listen\.port: expected an integer/)
    expect(await runGatewayCli(['serve'], io)).toBe(2)
    expect(await runGatewayCli(['proxy'], io)).toBe(2)
  })

  it('runs as a process that shuts down gracefully on SIGTERM', async () => {
    const { directory, secret } = await workspace()
    const child = spawn(join(root, 'node_modules/.bin/tsx'), ['packages/gateway/src/cli.ts', 'serve', '--config', join(directory, 'gateway.yaml')], {
      cwd: root,
      env: { ...process.env, FINOPS_TEST_UPSTREAM_KEY: UPSTREAM_KEY },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let errors = ''
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (data: Buffer) => {
        errors += data.toString()
        const match = /listening on (\S+)/.exec(errors)
        if (match) resolve(match[1]!)
      })
      child.once('exit', () => reject(new Error(`gateway exited early: ${errors}`)))
    })
    await call(url, secret)
    child.kill('SIGTERM')
    const [code] = await once(child, 'close') // 'close': stderr read to its end
    expect(code).toBe(0)
    expect(errors).toMatch(/shutting down/)
    expect(readFileSync(join(directory, 'usage.jsonl'), 'utf8')).toMatch(/"team":"support"/)
    // A cold tsx start compiles every source file: slow on a loaded machine.
  }, 60_000)
})
