/** A multiplier of exactly 1, in thousandths (see {@link meterNanos}). */
export const UNIT_MULTIPLIER_MILLI = 1000

/**
 * Cost of one meter of one call in integer nano-USD: `quantity × picoPerUnit × multiplierMilli/1000`,
 * rounded ONCE, half-up, to the nearest nano. Rounding happens per meter per call, so the sum of a
 * call's meters may differ from an unrounded total by at most half a nano per meter; sums of
 * results are exact integers.
 *
 * `quantity` is a token/request count: negative or non-finite counts cost 0 and fractional counts
 * are rounded to the nearest integer. Products beyond `Number.MAX_SAFE_INTEGER` switch to BigInt,
 * so the result is exact whenever it is itself a safe integer.
 *
 * @param picoPerUnit integer pico-USD per unit (see `picoPerTokenFromMtok`).
 * @param multiplierMilli service-tier multiplier in thousandths; default 1000 (×1).
 */
export function meterNanos(quantity: number, picoPerUnit: number, multiplierMilli = UNIT_MULTIPLIER_MILLI): number {
  if (!(quantity > 0) || picoPerUnit === 0 || multiplierMilli === 0) return 0
  const count = Number.isInteger(quantity) ? quantity : Math.round(quantity)
  const picos = count * picoPerUnit
  if (multiplierMilli === UNIT_MULTIPLIER_MILLI) {
    if (Number.isSafeInteger(picos)) return divideHalfUp(picos, 1000)
  } else {
    const femtos = picos * multiplierMilli
    if (Number.isSafeInteger(femtos)) return divideHalfUp(femtos, 1_000_000)
  }
  const product = BigInt(count) * BigInt(picoPerUnit) * BigInt(multiplierMilli)
  return Number((product + 500_000n) / 1_000_000n)
}

/** `value / divisor` rounded half-up, for a non-negative safe integer `value` (exact, no float division). */
function divideHalfUp(value: number, divisor: number): number {
  const remainder = value % divisor
  return (value - remainder) / divisor + (remainder * 2 >= divisor ? 1 : 0)
}
