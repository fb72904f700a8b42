import type { SettleRequest, SettleResult } from '@finops-ai/core'
import type { RedisKeys } from './redis-keys.js'
import { integerArgument } from './script-arguments.js'

/**
 * KEYS and ARGV of the `settle` script (see `scripts/settle-script.ts`). `counterKeys` are the
 * reservation's counter keys as its reserve declared them (after the record): the script changes
 * nothing when they are not, and names them instead ({@link declaredKeysReply}).
 */
export function settleCommand(keys: RedisKeys, request: SettleRequest, now: string, counterKeys: readonly string[]): { keys: string[]; args: string[] } {
  return {
    keys: [keys.reservation(request.id), ...counterKeys],
    args: [now, request.id, integerArgument(request.tokens, 'tokens'), integerArgument(request.costNanos, 'costNanos')],
  }
}

/**
 * KEYS and ARGV of the `settle` script run as a cancel of a reserve: releases whatever a reserve
 * that failed on the caller's side (timed out, connection lost) may still have reserved, and
 * leaves a tombstone for `tombstoneMs` so that a late (re-sent) reserve of `id` is refused.
 * `reserveKeys` are that reserve's KEYS (its record first), so the cancel declares every key it
 * may touch.
 */
export function cancelCommand(reserveKeys: readonly string[], id: string, now: string, tombstoneMs: number): { keys: string[]; args: string[] } {
  return { keys: [...reserveKeys], args: [now, id, '0', '0', 'cancel', integerArgument(tombstoneMs, 'tombstoneMs')] }
}

/**
 * The counter keys of a `settle` reply that refused undeclared keys (`{'keys', key…}`), or
 * `undefined` for any other reply.
 */
export function declaredKeysReply(reply: unknown): string[] | undefined {
  if (!Array.isArray(reply) || reply[0] !== 'keys') return undefined
  const names = reply.slice(1)
  return names.every((name) => typeof name === 'string') ? (names as string[]) : undefined
}

/** The {@link SettleResult} in a `settle` reply, or `undefined` when the reply is malformed. */
export function settleResult(reply: readonly number[]): SettleResult | undefined {
  if (reply[0] === 0 && reply.length === 1) return { settled: false, counters: [] }
  const [settled, openedIndex, velocity, until] = reply
  if (settled !== 1 || openedIndex === undefined || velocity === undefined || until === undefined || (reply.length - 4) % 4 !== 0) return undefined
  const counters: SettleResult['counters'] = []
  for (let at = 4; at < reply.length; at += 4) {
    const [kind, first, second, third] = reply.slice(at, at + 4) as [number, number, number, number]
    if (kind === 1) counters.push({ kind: 'window', used: first })
    else if (kind === 2) counters.push({ kind: 'concurrency', inFlight: first })
    else if (kind === 3) counters.push({ kind: 'budget', spent: first, reserved: second, softLimitCrossed: third === 1 })
    else if (kind === 4) counters.push({ kind: 'breaker', velocity: first, closed: second === 1 })
    else return undefined
  }
  return openedIndex >= 0 ? { settled: true, counters, opened: { index: openedIndex, velocity, until } } : { settled: true, counters }
}
