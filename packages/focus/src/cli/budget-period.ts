/** `[start, end)` in epoch ms. */
export interface EpochPeriod {
  start: number
  end: number
}

/**
 * The budget period of kind `period` containing `at` (epoch ms), UTC, as the engine counts it:
 * hourly, daily, weekly (from Monday 00:00), monthly (calendar month); `total` runs from `since`.
 */
export function budgetPeriodOf(period: string, at: number, since: number): EpochPeriod {
  const date = new Date(at)
  const y = date.getUTCFullYear()
  const m = date.getUTCMonth()
  const d = date.getUTCDate()
  switch (period) {
    case 'hourly': {
      const start = Date.UTC(y, m, d, date.getUTCHours())
      return { start, end: start + 3_600_000 }
    }
    case 'daily':
      return { start: Date.UTC(y, m, d), end: Date.UTC(y, m, d + 1) }
    case 'weekly': {
      const sinceMonday = (date.getUTCDay() + 6) % 7
      return { start: Date.UTC(y, m, d - sinceMonday), end: Date.UTC(y, m, d - sinceMonday + 7) }
    }
    case 'monthly':
      return { start: Date.UTC(y, m, 1), end: Date.UTC(y, m + 1, 1) }
    default: {
      const start = Date.UTC(new Date(since).getUTCFullYear(), new Date(since).getUTCMonth(), new Date(since).getUTCDate())
      return { start, end: Date.UTC(y, m, d + 1) }
    }
  }
}
