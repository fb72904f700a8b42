import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFinOps, type FinOps } from '@finops-ai/core'
import { redisStore } from '@finops-ai/redis'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { Redis } from 'ioredis'
import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from './create-gateway.js'
import { loadGatewayConfig } from './gateway-config.js'
import { memoryKeyStore } from './test-gateway.js'

const SECRET = 'fo-test-store-outage'
const call = { model: 'gpt-4o-mini', messages: [{ role: 'user' as const, content: 'Where is my parcel' }], max_tokens: 8 }
const policies = [{ key: 'support', match: { team: 'support' }, limits: { requests_per_minute: 1000, budget: { period: 'monthly' as const, hard_limit_usd: 100 } } }]
const telemetry = captureTelemetry()

/** One gateway on its own Redis connection, failing open or closed while Redis is down. */
interface OutageLane {
  gateway: Gateway
  finops: FinOps
  redis: Redis
  url: string
}

describe.skipIf(redisServerSkipReason() !== undefined)('gateway while Redis is down', () => {
  let server: RedisServerProcess
  let provider: FakeProvider
  const lanes: Partial<Record<'fail-open' | 'fail-closed', OutageLane>> = {}

  const start = async (onError: 'fail-open' | 'fail-closed'): Promise<OutageLane> => {
    // As serveGateway connects (the options redisStore advises): commands fail at once while Redis is down.
    const redis = new Redis({ host: '127.0.0.1', port: server.port, enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false })
    redis.on('error', () => {})
    await once(redis, 'ready')
    const finops = createFinOps({ policies, store: redisStore({ client: redis, prefix: 'outage', onError }) })
    const gateway = createGateway({
      finops,
      keys: memoryKeyStore({ [SECRET]: { id: 'vk_outage', attribution: { team: 'support' } } }),
      upstreams: { openai: { baseURL: provider.openaiBaseURL, apiKey: 'sk-upstream' } },
    })
    gateway.server.listen(0, '127.0.0.1')
    await once(gateway.server, 'listening')
    return { gateway, finops, redis, url: `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}` }
  }
  const post = (lane: OutageLane) =>
    fetch(`${lane.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${SECRET}`, 'content-type': 'application/json' }, body: JSON.stringify(call) })

  beforeAll(async () => {
    server = await startRedisServer()
    provider = await fakeProvider()
    lanes['fail-open'] = await start('fail-open')
    lanes['fail-closed'] = await start('fail-closed')
  })
  afterAll(async () => {
    for (const lane of Object.values(lanes)) {
      await lane.gateway.close()
      lane.redis.disconnect()
    }
    await provider?.close()
    await server?.stop()
    await telemetry.shutdown()
  })

  it('fails open (calls flagged finops.store.degraded), or closed with 503 and retry-after, and guards again once Redis is back', async () => {
    const open = lanes['fail-open']!
    const closed = lanes['fail-closed']!
    expect([(await post(open)).status, (await post(closed)).status]).toEqual([200, 200])
    // The answers went out before the calls settled in Redis: let them settle (and end their spans) first.
    await Promise.all([open.finops.flush(), closed.finops.flush()])

    await server.kill()
    telemetry.reset()
    // Fail-open: the call passes, its span flagged degraded (ended once charging its cost gave up).
    expect((await post(open)).status).toBe(200)
    await open.finops.flush()
    expect(telemetry.genAiSpans().map((span) => span.attributes['finops.store.degraded'])).toEqual([true])
    // Fail-closed: the gateway cannot check limits, which is not the caller's rate limit: 503, retry soon.
    const refused = await post(closed)
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('1')
    expect(await refused.json()).toMatchObject({ error: { type: 'server_error', code: 'store_unavailable', message: expect.stringMatching(/fails closed/) } })
    const sdkError = await new OpenAI({ baseURL: `${closed.url}/v1`, apiKey: SECRET, maxRetries: 0 }).chat.completions.create(call).catch((error: unknown) => error)
    expect(sdkError).toBeInstanceOf(OpenAI.InternalServerError)
    expect(sdkError).toMatchObject({ status: 503 })
    const upstreamCalls = provider.requests.length

    await server.restart()
    await Promise.all([once(open.redis, 'ready'), once(closed.redis, 'ready')])
    expect([(await post(open)).status, (await post(closed)).status]).toEqual([200, 200])
    expect(provider.requests).toHaveLength(upstreamCalls + 2)
    // The restarted Redis holds what the calls since spent, and nothing stays reserved.
    await Promise.all([open.finops.flush(), closed.finops.flush()])
    const spend = await closed.finops.spend({ policy: 'support' })
    expect(spend.spent).toBeGreaterThan(0)
    expect(spend.reserved).toBe(0)
  }, 30_000)

  it('reads store.on_error from gateway.yaml', () => {
    const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-outage-'))
    writeFileSync(join(directory, 'gateway.yaml'), "keys_file: keys.yaml\nupstreams: { openai: { api_key_env: KEY } }\nstore: { redis: 'redis://127.0.0.1:6379', on_error: fail-closed }\n")
    expect(loadGatewayConfig(join(directory, 'gateway.yaml'), { KEY: 'sk' }).store).toEqual({ kind: 'redis', url: 'redis://127.0.0.1:6379', onError: 'fail-closed' })
    writeFileSync(join(directory, 'gateway.yaml'), "keys_file: keys.yaml\nupstreams: { openai: { api_key_env: KEY } }\nstore: { redis: 'redis://127.0.0.1:6379', on_error: retry }\n")
    expect(() => loadGatewayConfig(join(directory, 'gateway.yaml'), { KEY: 'sk' })).toThrow(/store\.on_error: expected 'fail-open' or 'fail-closed'/)
  })
})
