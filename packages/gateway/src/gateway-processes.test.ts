import { fork, spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, type UsageRecord } from '@finops-ai/core'
import { redisStore } from '@finops-ai/redis'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { Redis } from 'ioredis'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runKeysCommand } from './keys/index.js'

const root = fileURLToPath(new URL('../../..', import.meta.url))
const UPSTREAM_KEYS = { openai: 'sk-upstream-processes-SECRET-111', anthropic: 'sk-ant-upstream-processes-SECRET-222' }
const PROMPT = 'Where is my parcel'
const RPM = 24
const HARD_LIMIT_USD = 0.002
/** `curl` when the machine has it (this one does), else node's fetch sends the same request. */
const hasCurl = spawnSync('curl', ['--version']).status === 0

/** A child process with everything it printed. */
interface Child {
  process: ChildProcess
  stdout: string
  stderr: string
}

/** Forks a TypeScript module with tsx, collecting its output. */
function forkSource(module: string, args: string[], env: Record<string, string> = {}): Child {
  const child: Child = {
    process: fork(join(root, module), args, { cwd: root, execArgv: ['--import', 'tsx'], env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] }),
    stdout: '',
    stderr: '',
  }
  child.process.stdout!.on('data', (data: Buffer) => void (child.stdout += data.toString()))
  child.process.stderr!.on('data', (data: Buffer) => void (child.stderr += data.toString()))
  return child
}

/** Resolves with the gateway's URL once its CLI says it listens. */
function listening(child: Child): Promise<string> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = /listening on (\S+)/.exec(child.stderr)
      if (match) resolve(match[1]!)
    }
    child.process.stderr!.on('data', check)
    child.process.once('exit', (code) => reject(new Error(`gateway exited early (${code}): ${child.stderr}`)))
  })
}

/** The next IPC message of `type` from the wrapped app. */
function message<T>(child: Child, type: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: { type: string; error?: string }) => {
      if (data.type === 'failed') reject(new Error(`wrapped app failed: ${data.error}`))
      if (data.type !== type) return
      child.process.off('message', onMessage)
      resolve(data as T)
    }
    child.process.on('message', onMessage)
  })
}

/** Sends calls until a guard denies one (429 from a gateway); returns how many went through. */
async function lane(send: () => Promise<number>): Promise<number> {
  for (let sent = 0; ; sent += 1) {
    const status = await send()
    if (status === 429) return sent
    if (status !== 200) throw new Error(`unexpected status ${status}`)
  }
}

/** The HTTP status of an SDK error; a connection error (no status) is rethrown with its cause. */
const statusOf = (error: unknown): number | Promise<never> =>
  (error instanceof OpenAI.APIError || error instanceof Anthropic.APIError) && error.status !== undefined ? error.status : Promise.reject(error)

/** One chat completion through `url` with curl (or fetch without curl); returns the status. */
async function curlChat(url: string, secret: string): Promise<number> {
  const body = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: PROMPT }], max_tokens: 16 })
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }
  if (!hasCurl) return (await fetch(`${url}/v1/chat/completions`, { method: 'POST', headers, body })).status
  const curl = spawn('curl', ['-sS', '-o', '/dev/null', '-w', '%{http_code}', ...Object.entries(headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]), '--data-binary', body, `${url}/v1/chat/completions`])
  let out = ''
  let err = ''
  curl.stdout.on('data', (data: Buffer) => void (out += data.toString()))
  curl.stderr.on('data', (data: Buffer) => void (err += data.toString()))
  // 'close', not 'exit': 'exit' can come before curl's stdout has been read.
  const [code, signal] = await once(curl, 'close')
  if (!/^[1-5]\d\d$/.test(out)) throw new Error(`curl got no answer from ${url} (exit ${code}, signal ${signal}, stdout '${out}'): ${err.trim()}`)
  return Number(out)
}

const readLedger = (path: string): UsageRecord[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as UsageRecord)

describe.skipIf(redisServerSkipReason() !== undefined)('two gateway processes and a wrapped app process on one Redis', () => {
  let redis: RedisServerProcess
  let provider: FakeProvider
  let directory: string
  const secrets: Record<string, string> = {}
  let gatewayA: Child
  let gatewayB: Child
  let app: Child
  let urls: [string, string]

  beforeAll(async () => {
    redis = await startRedisServer()
    provider = await fakeProvider()
    directory = mkdtempSync(join(tmpdir(), 'finops-gateway-processes-'))
    writeFileSync(
      join(directory, 'policies.yaml'),
      [
        'policies:',
        '  - key: rpm-shared',
        '    match: { team: rpm }',
        `    limits: { requests_per_minute: ${RPM} }`,
        '  - key: budget-shared',
        '    match: { team: budget }',
        `    limits: { budget: { period: total, hard_limit_usd: ${HARD_LIMIT_USD} } }`,
        '',
      ].join('\n'),
    )
    for (const team of ['rpm', 'budget']) {
      let out = ''
      await runKeysCommand(['create', '--file', join(directory, 'keys.yaml'), '--id', `vk_${team}`, '--team', team], { stdout: (text) => (out += text), stderr: () => {} })
      secrets[team] = out.trim()
    }
    for (const name of ['a', 'b']) {
      writeFileSync(
        join(directory, `gateway-${name}.yaml`),
        [
          'listen: { port: 0 }',
          'upstreams:',
          `  openai: { base_url: '${provider.openaiBaseURL}', api_key_env: FINOPS_TEST_OPENAI_KEY }`,
          `  anthropic: { base_url: '${provider.anthropicBaseURL}', api_key_env: FINOPS_TEST_ANTHROPIC_KEY }`,
          'policy_file: policies.yaml',
          'keys_file: keys.yaml',
          `store: { redis: 'redis://127.0.0.1:${redis.port}', prefix: shared }`,
          `usage_jsonl: usage-${name}.jsonl`,
          '',
        ].join('\n'),
      )
    }
    const upstreamEnv = { FINOPS_TEST_OPENAI_KEY: UPSTREAM_KEYS.openai, FINOPS_TEST_ANTHROPIC_KEY: UPSTREAM_KEYS.anthropic }
    // Gateway A exports its spans with the OpenTelemetry Node SDK (to stdout); B has export off.
    const cli = 'packages/gateway/src/cli.ts'
    gatewayA = forkSource(cli, ['serve', '--config', join(directory, 'gateway-a.yaml')], { ...upstreamEnv, OTEL_TRACES_EXPORTER: 'console', OTEL_METRICS_EXPORTER: 'none', OTEL_LOGS_EXPORTER: 'none' })
    gatewayB = forkSource(cli, ['serve', '--config', join(directory, 'gateway-b.yaml')], { ...upstreamEnv, OTEL_SDK_DISABLED: 'true' })
    app = forkSource('packages/gateway/src/wrapped-app-process.ts', [String(redis.port), join(directory, 'policies.yaml'), provider.openaiBaseURL, join(directory, 'usage-app.jsonl')])
    const [a, b] = await Promise.all([listening(gatewayA), listening(gatewayB), message(app, 'ready')])
    urls = [a, b]
    // A cold tsx start compiles every source file: slow on a loaded machine.
  }, 120_000)
  afterAll(async () => {
    for (const child of [gatewayA, gatewayB, app]) if (child?.process.exitCode === null) child.process.kill('SIGKILL')
    await provider?.close()
    await redis?.stop()
  })

  /** Every lane at once: the OpenAI SDK through A, the Anthropic SDK through B, curl through both, the wrapped app. */
  async function allLanes(team: string): Promise<number[]> {
    const secret = secrets[team]!
    const openai = new OpenAI({ baseURL: `${urls[0]}/v1`, apiKey: secret, maxRetries: 0 })
    const anthropic = new Anthropic({ baseURL: urls[1], apiKey: secret, maxRetries: 0 })
    const appDone = message<{ sent: number }>(app, 'done')
    app.process.send({ type: 'lane', team, model: 'gpt-4o' })
    return Promise.all([
      lane(() => openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: PROMPT }], max_tokens: 16 }).then(() => 200, statusOf)),
      lane(() => anthropic.messages.create({ model: 'claude-sonnet-4-6', messages: [{ role: 'user', content: PROMPT }], max_tokens: 16 }).then(() => 200, statusOf)),
      lane(() => curlChat(urls[0], secret)),
      lane(() => curlChat(urls[1], secret)),
      appDone.then((done) => done.sent),
    ])
  }

  it('never pass a shared requests_per_minute limit or a shared hard budget, and settle every cost', async () => {
    const before = provider.requests.length
    const rpmSent = await allLanes('rpm')
    // Together exactly the limit (a minute has not passed). How it splits between the lanes is up to
    // the scheduler: a lane that starts late may find the limit already taken.
    expect(rpmSent.reduce((sum, count) => sum + count, 0)).toBe(RPM)
    expect(provider.requests.length - before).toBe(RPM)

    const budgetSent = await allLanes('budget')
    expect(budgetSent.reduce((sum, count) => sum + count, 0)).toBeGreaterThan(0)

    // Shut everything down gracefully, so the ledgers are complete.
    app.process.send({ type: 'exit' })
    gatewayA.process.kill('SIGTERM')
    gatewayB.process.kill('SIGTERM')
    const codes = await Promise.all([gatewayA, gatewayB, app].map(async (child) => (child.process.exitCode ?? (await once(child.process, 'exit'))[0]) as number))
    expect(codes).toEqual([0, 0, 0])

    const client = new Redis(redis.port, '127.0.0.1')
    const finops = createFinOps({ policies: join(directory, 'policies.yaml'), store: redisStore({ client, prefix: 'shared' }) })
    const spend = await finops.spend({ policy: 'budget-shared' })
    await client.quit()
    expect(spend.spent).toBeGreaterThan(HARD_LIMIT_USD / 2)
    expect(spend.spent).toBeLessThanOrEqual(HARD_LIMIT_USD)
    expect(spend.reserved).toBe(0)
    const records = ['a', 'b', 'app'].flatMap((name) => readLedger(join(directory, `usage-${name}.jsonl`)))
    const budgetCalls = records.filter((record) => record.attribution.team === 'budget' && record.status === 'ok')
    expect(budgetCalls).toHaveLength(budgetSent.reduce((sum, count) => sum + count, 0))
    expect(budgetCalls.reduce((sum, record) => sum + record.cost!.usdNanos, 0) / 1e9).toBeCloseTo(spend.spent, 9)
    expect(records.filter((record) => record.attribution.team === 'rpm' && record.status === 'ok')).toHaveLength(RPM)
    expect(new Set(records.map((record) => record.provider))).toEqual(new Set(['openai', 'anthropic']))

    // Telemetry export from the CLI: on in A (its GenAI spans on stdout), off in B, each saying so.
    expect(gatewayA.stderr).toMatch(/telemetry export on \(@opentelemetry\/sdk-node: traces console/)
    expect(gatewayB.stderr).toMatch(/telemetry export off \(OTEL_SDK_DISABLED=true\)/)
    expect(gatewayA.stdout).toMatch(/name: 'chat gpt-4o'/)
    expect(gatewayA.stdout).toMatch(/'team\.name': 'budget'/)
    const outputs = [gatewayA, gatewayB, app].flatMap((child) => [child.stdout, child.stderr]).join('\n') + JSON.stringify(records)
    for (const secret of [...Object.values(UPSTREAM_KEYS), ...Object.values(secrets), PROMPT]) expect(outputs).not.toContain(secret)
  }, 120_000)
})
