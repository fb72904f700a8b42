import type { ChargeRequest, ChargeResult } from '@finops-ai/core'
import type { RedisKeys } from './redis-keys.js'
import { integerArgument, limitArgument } from './script-arguments.js'

/** KEYS and ARGV of the `charge` script (see `scripts/charge-script.ts`). */
export function chargeCommand(keys: RedisKeys, request: ChargeRequest, now: string, markerTtlMs: number): { keys: string[]; args: string[] } {
  const names = [keys.charge(request.id)]
  const args = [now, integerArgument(markerTtlMs, 'chargeTtlMs')]
  request.counters.forEach((counter, index) => {
    const at = `counters[${index}]`
    names.push(keys.budget(counter.key), keys.budgetLeases(counter.key))
    args.push(counter.period, integerArgument(counter.amount, `${at}.amount`), counter.softLimit === undefined ? '' : limitArgument(counter.softLimit, `${at}.softLimit`))
  })
  return { keys: names, args }
}

/** The {@link ChargeResult} in a `charge` reply, or `undefined` when the reply is malformed. */
export function chargeResult(reply: readonly number[], request: ChargeRequest): ChargeResult | undefined {
  if (reply[0] === 0 && reply.length === 1) return { charged: false, counters: [] }
  if (reply[0] !== 1 || reply.length !== 1 + 3 * request.counters.length) return undefined
  const counters: ChargeResult['counters'] = []
  for (let at = 1; at < reply.length; at += 3) {
    counters.push({ kind: 'budget', spent: reply[at]!, reserved: reply[at + 1]!, softLimitCrossed: reply[at + 2] === 1 })
  }
  return { charged: true, counters }
}
