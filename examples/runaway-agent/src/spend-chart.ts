/** One point of the spend curve. */
export interface SpendPoint {
  /** 1-based call number. */
  call: number
  /** Spend of all calls so far, in `currency`. */
  cumulative: number
}

/** Options of {@link spendChart}. */
export interface SpendChartOptions {
  /** The breaker's velocity limit per minute, drawn as a `|` column. */
  limit: number
  currency: string
  /** Width of a bar at the limit, in characters. Default `48`. */
  width?: number
  /** A last row for the call that was stopped, e.g. `'stopped: circuit_breaker'`. */
  stopped?: string
}

/**
 * Renders cumulative spend per call as horizontal bars, scaled so the limit sits at `width`:
 *
 * ```text
 * call  spend USD  0 ......................... limit 0.05 USD/min
 *    1   0.000720  █                          |
 *    2   0.002190  ██                         |
 * ```
 */
export function spendChart(points: readonly SpendPoint[], { limit, currency, width = 48, stopped }: SpendChartOptions): string {
  const callWidth = Math.max(4, String(points.length + 1).length)
  const bar = (amount: number) => {
    const filled = Math.min(width, Math.round((amount / limit) * width))
    return `${'█'.repeat(filled)}${' '.repeat(width - filled)}|`
  }
  const lines = [`${'call'.padStart(callWidth)}  ${`spend ${currency}`.padStart(10)}  ${`0 ${'.'.repeat(width - 2)}`}| limit ${limit} ${currency}/min`]
  for (const point of points) lines.push(`${String(point.call).padStart(callWidth)}  ${point.cumulative.toFixed(6).padStart(10)}  ${bar(point.cumulative)}`)
  if (stopped !== undefined) lines.push(`${String(points.length + 1).padStart(callWidth)}  ${'-'.padStart(10)}  ${stopped}`)
  return lines.join('\n')
}
