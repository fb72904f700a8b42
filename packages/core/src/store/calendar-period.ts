/** A budget period: a UTC calendar hour, day, ISO week (Monday 00:00 UTC), month, or all time. */
export type BudgetPeriod = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'total'

/** Every {@link BudgetPeriod}, in configuration order. */
export const budgetPeriods: readonly BudgetPeriod[] = ['hourly', 'daily', 'weekly', 'monthly', 'total']

/** End of the `total` period: the largest time a `Date` can hold (+275760-09-13). */
export const endOfTime = 8.64e15

const hourMs = 3_600_000
const dayMs = 86_400_000

/** Bounds of one period in epoch milliseconds: `start` inclusive, `end` exclusive. */
export interface PeriodBounds {
  start: number
  end: number
}

/**
 * The UTC calendar period of kind `period` containing `now` (epoch ms). Weeks start on Monday;
 * months follow the calendar (28–31 days, leap years included). `total` spans
 * `[0, endOfTime)`.
 */
export function periodBounds(period: BudgetPeriod, now: number): PeriodBounds {
  switch (period) {
    case 'hourly': {
      const start = Math.floor(now / hourMs) * hourMs
      return { start, end: start + hourMs }
    }
    case 'daily': {
      const start = Math.floor(now / dayMs) * dayMs
      return { start, end: start + dayMs }
    }
    case 'weekly': {
      const day = Math.floor(now / dayMs)
      // 1970-01-01 was a Thursday: (day + 3) mod 7 is the number of days since Monday.
      const start = (day - (((day + 3) % 7) + 7) % 7) * dayMs
      return { start, end: start + 7 * dayMs }
    }
    case 'monthly': {
      const date = new Date(now)
      const year = date.getUTCFullYear()
      const month = date.getUTCMonth()
      return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) }
    }
    case 'total':
      return { start: 0, end: endOfTime }
  }
}
