import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFinOps, LimitExceededError } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { redisStore } from '@finops-ai/redis'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { Redis } from 'ioredis'
import OpenAI, { RateLimitError } from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadGatewayConfig } from './gateway-config.js'
import { runKeysCommand } from './keys/index.js'
import { serveGateway, type ServedGateway } from './serve-gateway.js'

const HARD_LIMIT_USD = 0.002
// About 0.00017 USD per call (gpt-4o, 16-token cap): the budget holds a dozen calls.
const call = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'Where is my parcel' }], max_tokens: 16 }

describe.skipIf(redisServerSkipReason() !== undefined)('gateways and a wrapped app on one Redis', () => {
  let redis: RedisServerProcess
  let provider: FakeProvider
  let directory: string

  beforeAll(async () => {
    redis = await startRedisServer()
    provider = await fakeProvider()
    directory = mkdtempSync(join(tmpdir(), 'finops-gateway-redis-'))
    process.env.FINOPS_TEST_REDIS_UPSTREAM_KEY = 'sk-upstream'
    writeFileSync(join(directory, 'policies.yaml'), `policies:\n  - key: support\n    match: { team: support }\n    limits:\n      budget: { period: total, hard_limit_usd: ${HARD_LIMIT_USD} }\n`)
    writeFileSync(
      join(directory, 'gateway.yaml'),
      [
        'listen: { port: 0 }',
        `upstreams: { openai: { base_url: '${provider.openaiBaseURL}', api_key_env: FINOPS_TEST_REDIS_UPSTREAM_KEY } }`,
        'policy_file: policies.yaml',
        'keys_file: keys.yaml',
        `store: { redis: 'redis://127.0.0.1:${redis.port}', prefix: shared }`,
        '',
      ].join('\n'),
    )
  })
  afterAll(async () => {
    delete process.env.FINOPS_TEST_REDIS_UPSTREAM_KEY
    await provider?.close()
    await redis?.stop()
  })

  it('never spend more than the one budget they share', async () => {
    let secret = ''
    await runKeysCommand(['create', '--file', join(directory, 'keys.yaml'), '--id', 'vk_support', '--team', 'support'], { stdout: (text) => (secret += text), stderr: () => {} })
    const gateways: ServedGateway[] = [await serveGateway(loadGatewayConfig(join(directory, 'gateway.yaml'))), await serveGateway(loadGatewayConfig(join(directory, 'gateway.yaml')))]
    const appRedis = new Redis(redis.port, '127.0.0.1')
    const app = createFinOps({ policies: join(directory, 'policies.yaml'), store: redisStore({ client: appRedis, prefix: 'shared' }) })
    const wrapped = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-app', maxRetries: 0 }), { finops: app, attribution: { team: 'support' } })
    const viaGateway = (served: ServedGateway) => new OpenAI({ baseURL: `${served.url}/v1`, apiKey: secret.trim(), maxRetries: 0 })

    /** Calls until the budget denies; returns how many calls went through. */
    const lane = async (client: OpenAI) => {
      for (let sent = 0; ; sent += 1) {
        const error = await client.chat.completions.create(call).then(() => undefined, (caught: unknown) => caught)
        if (error === undefined) continue
        if (error instanceof RateLimitError || LimitExceededError.isInstance(error)) return sent
        throw error
      }
    }
    const sent = await Promise.all([lane(viaGateway(gateways[0]!)), lane(viaGateway(gateways[1]!)), lane(wrapped), lane(viaGateway(gateways[0]!))])
    await Promise.all(gateways.map((served) => served.close()))
    await app.flush()

    // Each lane's first call fits (four estimates are far below the budget): all of them spent from it.
    expect(sent.every((count) => count > 0)).toBe(true)
    expect(provider.requests).toHaveLength(sent.reduce((sum, count) => sum + count, 0))
    const spend = await app.spend({ policy: 'support' })
    expect(spend.spent).toBeGreaterThan(HARD_LIMIT_USD / 2)
    expect(spend.spent).toBeLessThanOrEqual(HARD_LIMIT_USD)
    expect(spend.reserved).toBe(0)
    await appRedis.quit()
  }, 60_000)

  it('share one response cache in Redis: a request answered upstream through one gateway is a cache hit through the other', async () => {
    writeFileSync(join(directory, 'cached.yaml'), [readFileSync(join(directory, 'gateway.yaml'), 'utf8'), 'cache: { isolate_by: [team] }', ''].join('\n'))
    let secret = ''
    await runKeysCommand(['create', '--file', join(directory, 'keys.yaml'), '--id', 'vk_cached', '--team', 'faq'], { stdout: (text) => (secret += text), stderr: () => {} })
    const gateways = [await serveGateway(loadGatewayConfig(join(directory, 'cached.yaml'))), await serveGateway(loadGatewayConfig(join(directory, 'cached.yaml')))]
    try {
      const cached = { ...call, temperature: 0, messages: [{ role: 'user' as const, content: 'What are your opening hours' }] }
      const before = provider.requests.length
      const answers = []
      for (const served of gateways) answers.push(await new OpenAI({ baseURL: `${served.url}/v1`, apiKey: secret.trim(), maxRetries: 0 }).chat.completions.create(cached))
      expect(answers[1]).toEqual(answers[0])
      expect(provider.requests.length - before).toBe(1)
    } finally {
      await Promise.all(gateways.map((served) => served.close()))
    }
  }, 60_000)
})
