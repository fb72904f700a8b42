/**
 * Throws a `RangeError` naming `what` unless `value` is a non-negative safe integer (the only
 * amounts a store accepts: requests, tokens, nano-USD). Stores call it on every amount of a request
 * before changing any state, so a bad amount changes nothing and the same request is rejected the
 * same way by every store.
 */
export function checkAmount(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`finops-ai store: ${what} must be a non-negative safe integer, got ${String(value)}`)
  }
}
