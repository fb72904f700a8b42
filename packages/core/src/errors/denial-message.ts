import type { LimitDenial } from './limit-denial.js'

const units: ReadonlyArray<readonly [string, number]> = [
  ['days', 86_400_000],
  ['h', 3_600_000],
  ['min', 60_000],
  ['s', 1_000],
]

/** A wait as people say it, two largest units: `29 days 9 h`, `1 min 30 s`, `1.5 s`, `250 ms`. */
export function humanDuration(ms: number): string {
  if (ms < 1_000) return `${Math.max(0, Math.ceil(ms))} ms`
  if (ms < 60_000) return `${Number((ms / 1_000).toFixed(1))} s`
  const parts: string[] = []
  let rest = ms
  for (const [unit, size] of units) {
    const count = Math.floor(rest / size)
    if (count === 0 && parts.length === 0) continue
    if (count > 0) parts.push(`${count} ${count === 1 && unit === 'days' ? 'day' : unit}`)
    rest -= count * size
    if (parts.length === 2 || (parts.length === 1 && count === 0)) break
  }
  return parts.join(' ')
}

const unitOf: Record<LimitDenial['reason'], string> = {
  requests_per_minute: 'requests in the last minute',
  tokens_per_minute: 'tokens in the last minute',
  concurrency: 'calls in flight',
  budget: 'spent or reserved',
  circuit_breaker: 'spent per minute',
  store_unavailable: '',
}

const askedFor: Record<LimitDenial['reason'], string> = {
  requests_per_minute: 'this request',
  tokens_per_minute: "this call's estimated tokens",
  concurrency: 'this call',
  budget: "this call's estimated cost",
  circuit_breaker: "this call's estimated cost",
  store_unavailable: '',
}

/**
 * The message of a `LimitExceededError`: which limit of which policy, the amounts with their
 * currency, what this call asked for on top (when known: it is what tips the counter over), and when
 * a retry can succeed, as a human duration and an ISO date (`now` is the time of the denial).
 */
export function denialMessage(denial: LimitDenial, now: number): string {
  const where = `policy '${denial.policy}'`
  if (denial.reason === 'store_unavailable') {
    return `finops-ai: the store failed (it did not answer in time, or refused to run) and the engine fails closed (onStoreError: 'fail-closed'), so the limits of ${where} could not be checked; the call was not sent`
  }
  const amount = (value: number) => (denial.currency === undefined ? String(value) : `${value} ${denial.currency}`)
  const asked = denial.requested === undefined ? '' : ` + ${askedFor[denial.reason]} ${amount(denial.requested)}`
  const retry =
    denial.retryAfterMs === undefined
      ? denial.reason === 'budget'
        ? '; the budget has no period end, so retrying will not help (raise the limit)'
        : ''
      : `; retry after ${humanDuration(denial.retryAfterMs)} (at ${new Date(now + denial.retryAfterMs).toISOString()})`
  return `finops-ai: ${denial.reason} limit of ${where} exceeded: ${amount(denial.current)} ${unitOf[denial.reason]}${asked} > limit ${amount(denial.limit)}${retry}`
}
