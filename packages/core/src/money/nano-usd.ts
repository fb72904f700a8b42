/**
 * Money is counted in integer nano-USD (1 USD = 1e9 nanos) held in plain JS numbers. Integers add
 * exactly, so counters never drift. The bound is `Number.MAX_SAFE_INTEGER` nanos ≈ 9,007,199 USD
 * per counter (per call, per budget period): enough for any budget this library guards.
 */
export const NANOS_PER_USD = 1_000_000_000

/** Largest exact nano-USD amount: `Number.MAX_SAFE_INTEGER` ≈ 9,007,199.25 USD. */
export const MAX_SAFE_NANOS = Number.MAX_SAFE_INTEGER

/** Decimal USD → integer nano-USD, rounded half away from zero to the nearest nano. */
export function usdToNanos(usd: number): number {
  const scaled = usd * NANOS_PER_USD
  return scaled < 0 ? -Math.round(-scaled) : Math.round(scaled)
}

/** Integer nano-USD → decimal USD (for display and telemetry only; never accumulate the result). */
export function nanosToUsd(nanos: number): number {
  return nanos / NANOS_PER_USD
}
