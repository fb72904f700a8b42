/** Charge period length of FOCUS rows. */
export type Granularity = 'hour' | 'day'

/** A UTC period: `start` inclusive, `end` exclusive. */
export interface Period {
  start: Date
  end: Date
}

/** The UTC hour, day or calendar month containing `at`. */
export function chargePeriod(at: Date, length: Granularity | 'month'): Period {
  const y = at.getUTCFullYear()
  const m = at.getUTCMonth()
  if (length === 'month') return { start: new Date(Date.UTC(y, m, 1)), end: new Date(Date.UTC(y, m + 1, 1)) }
  const d = at.getUTCDate()
  if (length === 'day') return { start: new Date(Date.UTC(y, m, d)), end: new Date(Date.UTC(y, m, d + 1)) }
  const h = at.getUTCHours()
  return { start: new Date(Date.UTC(y, m, d, h)), end: new Date(Date.UTC(y, m, d, h + 1)) }
}
