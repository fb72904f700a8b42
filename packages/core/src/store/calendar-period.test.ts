import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { budgetPeriods, endOfTime, periodBounds } from './calendar-period.js'

const instant = fc.integer({ min: 0, max: Date.UTC(2200, 0, 1) })

describe('periodBounds', () => {
  it('contains now, and the next period starts where this one ends', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...budgetPeriods), (now, period) => {
        const bounds = periodBounds(period, now)
        expect(bounds.start).toBeLessThanOrEqual(now)
        expect(bounds.end).toBeGreaterThan(now)
        if (period !== 'total') expect(periodBounds(period, bounds.end).start).toBe(bounds.end)
        expect(periodBounds(period, bounds.end - 1)).toEqual(bounds)
      }),
    )
  })

  it('starts weeks on Monday 00:00 UTC and months on the 1st', () => {
    fc.assert(
      fc.property(instant, (now) => {
        const week = new Date(periodBounds('weekly', now).start)
        expect(week.getUTCDay()).toBe(1)
        expect(week.getUTCHours() + week.getUTCMinutes() + week.getUTCSeconds() + week.getUTCMilliseconds()).toBe(0)
        const month = new Date(periodBounds('monthly', now).start)
        expect(month.getUTCDate()).toBe(1)
        expect(month.getUTCHours()).toBe(0)
      }),
    )
  })

  it('ends February on the 29th in a leap year', () => {
    const leapDay = Date.UTC(2024, 1, 29, 12)
    expect(periodBounds('monthly', leapDay)).toEqual({ start: Date.UTC(2024, 1, 1), end: Date.UTC(2024, 2, 1) })
    expect(periodBounds('monthly', Date.UTC(2023, 1, 28, 23, 59))).toEqual({ start: Date.UTC(2023, 1, 1), end: Date.UTC(2023, 2, 1) })
  })

  it('rolls a month at 31 December 24:00 into the next year', () => {
    expect(periodBounds('monthly', Date.UTC(2024, 11, 31, 23, 59, 59, 999)).end).toBe(Date.UTC(2025, 0, 1))
  })

  it('starts the week of Sunday 2024-03-03 on Monday 2024-02-26', () => {
    expect(periodBounds('weekly', Date.UTC(2024, 2, 3, 23))).toEqual({ start: Date.UTC(2024, 1, 26), end: Date.UTC(2024, 2, 4) })
  })

  it('makes total span all time', () => {
    expect(periodBounds('total', 123)).toEqual({ start: 0, end: endOfTime })
  })
})
