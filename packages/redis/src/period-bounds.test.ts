import { describe, expect, it } from 'vitest'
// The in-process reference the Lua implementation must agree with.
import { periodBounds, type BudgetPeriod } from '../../core/src/store/calendar-period.js'
import { useRedisServer } from './redis-fixture.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()
const periods: BudgetPeriod[] = ['hourly', 'daily', 'weekly', 'monthly', 'total']

// Boundaries that trip calendar code: leap days, year ends, week starts, century rules.
const edges = [
  0,
  Date.UTC(1970, 0, 5),
  Date.UTC(2000, 1, 29, 23, 59, 59, 999),
  Date.UTC(2000, 2, 1),
  Date.UTC(2023, 11, 31, 23, 59, 59, 999),
  Date.UTC(2024, 0, 1),
  Date.UTC(2024, 1, 29, 12),
  Date.UTC(2100, 1, 28, 23, 59, 59, 999),
  Date.UTC(2100, 2, 1),
  Date.UTC(2400, 1, 29),
]

describe.skipIf(skip !== undefined)('redis store calendar periods', () => {
  const redis = useRedisServer()

  it('computes the same UTC periods in Lua as the memory store does', async () => {
    const store = redisStore({ client: redis.client, prefix: 'periods', timeoutMs: 2_000, clock: Date.now })
    let seed = 42
    const random = () => (seed = (seed * 16_807) % 2_147_483_647) / 2_147_483_647
    const times = [...edges, ...Array.from({ length: 300 }, () => Math.floor(random() * Date.UTC(2200, 0, 1)))]
    for (const now of times) {
      const readings = await store.read({ now, counters: periods.map((period) => ({ kind: 'budget' as const, key: period, period })) })
      const expected = periods.map((period) => {
        const bounds = periodBounds(period, now)
        return { kind: 'budget', spent: 0, reserved: 0, periodStart: bounds.start, periodEnd: bounds.end }
      })
      expect({ now: new Date(now).toISOString(), readings }).toEqual({ now: new Date(now).toISOString(), readings: expected })
    }
  })
})
