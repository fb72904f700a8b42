import type { CounterReading, ReadCounter, ReadRequest } from '@finops-ai/core'
import type { RedisKeys } from './redis-keys.js'
import { integerArgument } from './script-arguments.js'

/** KEYS and ARGV of the `read` script (see `scripts/read-script.ts`). */
export function readCommand(keys: RedisKeys, request: ReadRequest, now: string): { keys: string[]; args: string[] } {
  const names: string[] = []
  const args = [now]
  request.counters.forEach((counter: ReadCounter, index) => {
    const at = `counters[${index}]`
    switch (counter.kind) {
      case 'window':
        names.push(keys.window(counter.key))
        args.push('w', integerArgument(counter.windowMs, `${at}.windowMs`), integerArgument(counter.bucketMs, `${at}.bucketMs`))
        break
      case 'concurrency':
        names.push(keys.concurrency(counter.key))
        args.push('c', '', '')
        break
      case 'budget':
        names.push(keys.budget(counter.key), keys.budgetLeases(counter.key))
        args.push('b', counter.period, '')
        break
      case 'breaker':
        names.push(keys.breaker(counter.key), keys.breakerState(counter.key))
        args.push('k', integerArgument(counter.windowMs, `${at}.windowMs`), integerArgument(counter.bucketMs, `${at}.bucketMs`))
        break
    }
  })
  return { keys: names, args }
}

const breakerStates = ['closed', 'open', 'half-open'] as const

/** The readings in a `read` reply, or `undefined` when the reply is malformed. */
export function counterReadings(reply: readonly number[], request: ReadRequest): CounterReading[] | undefined {
  if (reply.length !== request.counters.length * 4) return undefined
  return request.counters.map((counter, index): CounterReading => {
    const [first, second, third] = reply.slice(index * 4, index * 4 + 3) as [number, number, number]
    switch (counter.kind) {
      case 'window':
        return { kind: 'window', used: first }
      case 'concurrency':
        return { kind: 'concurrency', inFlight: first }
      case 'budget':
        return { kind: 'budget', spent: first, reserved: second, periodStart: third, periodEnd: reply[index * 4 + 3]! }
      case 'breaker': {
        const state = breakerStates[second] ?? 'closed'
        return state === 'closed' ? { kind: 'breaker', velocity: first, state } : { kind: 'breaker', velocity: first, state, openUntil: third }
      }
    }
  })
}
