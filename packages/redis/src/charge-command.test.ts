import { describe, expect, it } from 'vitest'
import { chargeCommand, chargeResult } from './charge-command.js'
import { useRedisServer } from './redis-fixture.js'
import { redisKeys } from './redis-keys.js'
import { redisStore } from './redis-store.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'

const request = {
  id: 'openai:batch_1',
  counters: [
    { kind: 'budget', key: 'team=x:budget', period: 'monthly', amount: 1_500, softLimit: 1_000 },
    { kind: 'budget', key: 'all:budget', period: 'total', amount: 1_500 },
  ],
} as const

describe('chargeCommand', () => {
  it('names the charge marker, then each budget hash and lease set, with three arguments per budget', () => {
    expect(chargeCommand(redisKeys('p'), request, '', 60_000)).toEqual({
      keys: ['{p}:ch:openai%003abatch_1', '{p}:b:team=x%003abudget', '{p}:bl:team=x%003abudget', '{p}:b:all%003abudget', '{p}:bl:all%003abudget'],
      args: ['', '60000', 'monthly', '1500', '1000', 'total', '1500', ''],
    })
  })

  it('rejects a negative or fractional amount before sending anything', () => {
    expect(() => chargeCommand(redisKeys('p'), { id: 'x', counters: [{ ...request.counters[0], amount: -1 }] }, '', 1)).toThrow(/counters\[0\]\.amount/)
  })
})

describe('chargeResult', () => {
  it('reads a repeated charge, a fresh one, and rejects a reply of the wrong length', () => {
    expect(chargeResult([0], request)).toEqual({ charged: false, counters: [] })
    expect(chargeResult([1, 1_500, 0, 1, 1_500, 0, 0], request)).toEqual({
      charged: true,
      counters: [
        { kind: 'budget', spent: 1_500, reserved: 0, softLimitCrossed: true },
        { kind: 'budget', spent: 1_500, reserved: 0, softLimitCrossed: false },
      ],
    })
    expect(chargeResult([1, 1_500, 0], request)).toBeUndefined()
  })
})

describe.skipIf(redisServerSkipReason() !== undefined)('charge on a real redis-server', () => {
  const redis = useRedisServer()

  it('keeps the charge marker for chargeTtlMs', async () => {
    const store = redisStore({ client: redis.client, prefix: 'charge-ttl', timeoutMs: 2_000, chargeTtlMs: 120_000 })
    await store.charge(request)
    const ttl = await redis.client.pttl('{charge-ttl}:ch:openai%003abatch_1')
    expect(ttl).toBeGreaterThan(0)
    expect(ttl).toBeLessThanOrEqual(120_000)
  })

  it('rejects a chargeTtlMs that is not a positive integer', () => {
    expect(() => redisStore({ client: redis.client, chargeTtlMs: 0 })).toThrow(/redisStore\.chargeTtlMs/)
  })
})
