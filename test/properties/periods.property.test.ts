// Budget periods and rolling windows: UTC calendar bounds (month ends, leap years, ISO weeks) that
// do not depend on the process time zone or DST, and windows that never under-count.
import { memoryStore } from '@finops-ai/core'
import fc from 'fast-check'
import { afterEach, describe, expect, it } from 'vitest'
import { budgetPeriods, periodBounds, type BudgetPeriod } from '../../packages/core/src/store/calendar-period.js'
import { minuteWindow, windowSum } from '../../packages/core/src/store/sliding-window.js'

const dayMs = 86_400_000
// 1970 … 2200, and times near month ends get extra weight.
const anyTime = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) })
const monthEnd = fc
  .record({ year: fc.integer({ min: 1970, max: 2199 }), month: fc.integer({ min: 0, max: 11 }), offset: fc.integer({ min: -2 * dayMs, max: 2 * dayMs }) })
  .map(({ year, month, offset }) => Math.max(0, Date.UTC(year, month + 1, 1) + offset))
const time = fc.oneof(anyTime, monthEnd)
const calendarPeriod = fc.constantFrom<BudgetPeriod>('hourly', 'daily', 'weekly', 'monthly')

/** The value of a memory-store operation (always synchronous). */
function sync<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('the memory store answers synchronously')
  return value
}

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const daysInMonth = (year: number, month: number) => [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month]!

describe('calendar periods', () => {
  const originalTz = process.env.TZ
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ
    else process.env.TZ = originalTz
  })

  it('every time lies in its period; periods tile time without gaps or overlaps', () => {
    fc.assert(
      fc.property(fc.constantFrom(...budgetPeriods), time, (period, now) => {
        const { start, end } = periodBounds(period, now)
        expect(start).toBeLessThanOrEqual(now)
        expect(now).toBeLessThan(end)
        expect(periodBounds(period, start)).toEqual({ start, end })
        expect(periodBounds(period, end - 1)).toEqual({ start, end })
        if (period !== 'total') expect(periodBounds(period, end).start).toBe(end)
      }),
      { numRuns: 500 },
    )
  })

  it('months start on the 1st at 00:00 UTC and last 28–31 days; February has 29 exactly in leap years', () => {
    fc.assert(
      fc.property(time, (now) => {
        const { start, end } = periodBounds('monthly', now)
        const first = new Date(start)
        expect(first.getUTCDate()).toBe(1)
        expect(first.getUTCHours() + first.getUTCMinutes() + first.getUTCSeconds() + first.getUTCMilliseconds()).toBe(0)
        expect((end - start) / dayMs).toBe(daysInMonth(first.getUTCFullYear(), first.getUTCMonth()))
      }),
      { numRuns: 500 },
    )
  })

  it('weeks start on Monday 00:00 UTC and last exactly 7 days; days exactly 24 h; hours exactly 3,600 s', () => {
    fc.assert(
      fc.property(time, (now) => {
        const week = periodBounds('weekly', now)
        expect(new Date(week.start).getUTCDay()).toBe(1)
        expect(week.end - week.start).toBe(7 * dayMs)
        const day = periodBounds('daily', now)
        expect(day.end - day.start).toBe(dayMs)
        expect(day.start % dayMs).toBe(0)
        const hour = periodBounds('hourly', now)
        expect(hour.end - hour.start).toBe(3_600_000)
      }),
      { numRuns: 300 },
    )
  })

  it('bounds do not depend on the process time zone, DST transitions included', () => {
    const zones = ['UTC', 'America/New_York', 'Europe/Berlin', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'America/St_Johns']
    // Around the 2024 and 2025 DST switches of the US and the EU, plus arbitrary times.
    const dstSwitches = [Date.UTC(2024, 2, 10, 7), Date.UTC(2024, 2, 31, 1), Date.UTC(2024, 9, 27, 1), Date.UTC(2024, 10, 3, 6), Date.UTC(2025, 2, 30, 1)]
    const nearSwitch = fc.tuple(fc.constantFrom(...dstSwitches), fc.integer({ min: -3 * 3_600_000, max: 3 * 3_600_000 })).map(([at, offset]) => at + offset)
    fc.assert(
      fc.property(calendarPeriod, fc.oneof(time, nearSwitch), fc.constantFrom(...zones), (period, now, zone) => {
        process.env.TZ = 'UTC'
        const reference = periodBounds(period, now)
        process.env.TZ = zone
        expect(periodBounds(period, now)).toEqual(reference)
      }),
      { numRuns: 300 },
    )
  })

  it('the memory store charges each settlement to the period it settles in', () => {
    const call = fc.record({ at: fc.integer({ min: 0, max: 3 * 31 * dayMs }), cost: fc.integer({ min: 0, max: 10 ** 9 }) })
    fc.assert(
      fc.property(calendarPeriod, fc.array(call, { minLength: 1, maxLength: 30 }), (period, unsorted) => {
        const calls = [...unsorted].sort((a, b) => a.at - b.at)
        const base = Date.UTC(2024, 0, 28) // across the Jan/Feb/Mar 2024 (leap) month ends
        let now = base
        const store = memoryStore({ clock: () => now })
        calls.forEach((item, index) => {
          now = base + item.at
          store.reserve({ id: String(index), counters: [{ kind: 'budget', key: 'b', period, amount: 1 }] })
          store.settle({ id: String(index), tokens: 0, costNanos: item.cost })
        })
        const current = periodBounds(period, now)
        const expected = calls.filter((item) => periodBounds(period, base + item.at).start === current.start).reduce((sum, item) => sum + item.cost, 0)
        const [reading] = sync(store.read({ counters: [{ kind: 'budget', key: 'b', period }] }))
        expect(reading).toMatchObject({ spent: expected, reserved: 0, periodStart: current.start })
      }),
      { numRuns: 200 },
    )
  })
})

describe('rolling windows', () => {
  it('never under-count the trailing minute and forget within one bucket after it', () => {
    const event = fc.record({ at: fc.integer({ min: 0, max: 300_000 }), amount: fc.integer({ min: 1, max: 1_000 }) })
    fc.assert(
      fc.property(fc.array(event, { maxLength: 60 }), fc.integer({ min: 0, max: 400_000 }), (events, offset) => {
        const base = 1_700_000_000_000
        const now = base + offset
        const buckets = new Map<number, number>()
        for (const item of events) {
          if (item.at > offset) continue
          const bucket = Math.floor((base + item.at) / minuteWindow.bucketMs)
          buckets.set(bucket, (buckets.get(bucket) ?? 0) + item.amount)
        }
        const sum = windowSum(minuteWindow, buckets, now)
        const past = events.filter((item) => item.at <= offset)
        const within = (span: number) => past.filter((item) => offset - item.at < span).reduce((total, item) => total + item.amount, 0)
        expect(sum).toBeGreaterThanOrEqual(within(minuteWindow.windowMs))
        expect(sum).toBeLessThanOrEqual(within(minuteWindow.windowMs + minuteWindow.bucketMs))
      }),
      { numRuns: 300 },
    )
  })

  it('a requests-per-minute limit is never exceeded in any trailing 60 s', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10 }), fc.array(fc.integer({ min: 0, max: 5_000 }), { maxLength: 80 }), (limit, gaps) => {
        let now = 1_700_000_000_000
        const store = memoryStore({ clock: () => now })
        const admitted: number[] = []
        gaps.forEach((gap, index) => {
          now += gap
          const decision = sync(store.reserve({ id: String(index), counters: [{ kind: 'window', key: 'w', measure: 'requests', amount: 1, limit, ...minuteWindow }] }))
          if (decision.allowed) admitted.push(now)
        })
        for (const at of admitted) expect(admitted.filter((other) => other <= at && at - other < minuteWindow.windowMs).length).toBeLessThanOrEqual(limit)
      }),
      { numRuns: 200 },
    )
  })
})
