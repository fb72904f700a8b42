import type { CounterOutcome, CounterRequest, ReserveDecision, ReserveRequest } from '@finops-ai/core'
import type { RedisKeys } from './redis-keys.js'
import { integerArgument, limitArgument } from './script-arguments.js'

/** KEYS and ARGV of the `reserve` script (see `scripts/reserve-script.ts`). */
export function reserveCommand(keys: RedisKeys, request: ReserveRequest, now: string, leaseMs: number): { keys: string[]; args: string[] } {
  const names = [keys.reservation(request.id)]
  const args = [now, request.id, integerArgument(leaseMs, 'reservationTtlMs')]
  request.counters.forEach((counter: CounterRequest, index) => {
    const at = `counters[${index}]`
    switch (counter.kind) {
      case 'window':
        names.push(keys.window(counter.key))
        args.push('w', counter.measure, integerArgument(counter.amount, `${at}.amount`), limitArgument(counter.limit, `${at}.limit`), integerArgument(counter.windowMs, `${at}.windowMs`), integerArgument(counter.bucketMs, `${at}.bucketMs`))
        break
      case 'concurrency':
        names.push(keys.concurrency(counter.key))
        args.push('c', limitArgument(counter.limit, `${at}.limit`), '', '', '', '')
        break
      case 'budget':
        names.push(keys.budget(counter.key), keys.budgetLeases(counter.key))
        args.push(
          'b',
          counter.period,
          integerArgument(counter.amount, `${at}.amount`),
          counter.hardLimit === undefined ? '' : limitArgument(counter.hardLimit, `${at}.hardLimit`),
          counter.softLimit === undefined ? '' : limitArgument(counter.softLimit, `${at}.softLimit`),
          '',
        )
        break
      case 'breaker':
        names.push(keys.breaker(counter.key), keys.breakerState(counter.key))
        args.push('k', integerArgument(counter.amount, `${at}.amount`), limitArgument(counter.limit, `${at}.limit`), integerArgument(counter.cooldownMs, `${at}.cooldownMs`), integerArgument(counter.windowMs, `${at}.windowMs`), integerArgument(counter.bucketMs, `${at}.bucketMs`))
        break
    }
  })
  return { keys: names, args }
}

/** The {@link ReserveDecision} in a `reserve` reply, or `undefined` when the reply is malformed. */
export function reserveDecision(reply: readonly number[], request: ReserveRequest): ReserveDecision | undefined {
  if (reply[0] === 0) {
    const [, index, used, retryAfterMs, openedIndex, velocity, until] = reply
    const counter = request.counters[index ?? -1]
    if (counter === undefined || used === undefined || retryAfterMs === undefined || until === undefined || velocity === undefined) return undefined
    const limit = counter.kind === 'budget' ? counter.hardLimit ?? 0 : counter.limit
    return {
      allowed: false,
      index: index!,
      used,
      limit,
      ...(retryAfterMs >= 0 && { retryAfterMs }),
      ...(openedIndex !== undefined && openedIndex >= 0 && { opened: { index: openedIndex, velocity, until } }),
    }
  }
  if (reply[0] !== 1) return undefined
  const counters: CounterOutcome[] = []
  let at = 1
  const next = (): number => reply[at++] ?? Number.NaN
  for (const counter of request.counters) {
    switch (counter.kind) {
      case 'window':
        counters.push({ kind: 'window', used: next() })
        break
      case 'concurrency':
        counters.push({ kind: 'concurrency', inFlight: next() })
        break
      case 'budget':
        counters.push({ kind: 'budget', spent: next(), reserved: next(), periodStart: next(), periodEnd: next(), softLimitCrossed: next() === 1, overSoftLimit: next() === 1 })
        break
      case 'breaker':
        counters.push({ kind: 'breaker', velocity: next(), probe: next() === 1 })
        break
    }
  }
  return at === reply.length ? { allowed: true, counters } : undefined
}
