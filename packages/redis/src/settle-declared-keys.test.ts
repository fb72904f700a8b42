import type { CounterRequest } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { useRedisServer } from './redis-fixture.js'
import { redisKeys } from './redis-keys.js'
import { redisStore } from './redis-store.js'
import { commandCalls } from './redis-test-client.js'
import { runScript } from './run-script.js'
import { settleScript } from './scripts/settle-script.js'
import { scriptClientOf } from './clients/script-client-of.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { settleCommand } from './settle-command.js'

const skip = redisServerSkipReason()
const counters: CounterRequest[] = [
  { kind: 'concurrency', key: 'c', limit: 10 },
  { kind: 'budget', key: 'b', period: 'monthly', amount: 800, hardLimit: 1_000_000 },
]
const reading = [
  { kind: 'concurrency', key: 'c' },
  { kind: 'budget', key: 'b', period: 'monthly' },
] as const

describe.skipIf(skip !== undefined)('the settle script declares the counter keys of the reservation', () => {
  const redis = useRedisServer()

  it('changes nothing when they are not declared, and names them', async () => {
    const prefix = 'undeclared'
    const store = redisStore({ client: redis.client, prefix, timeoutMs: 2_000 })
    await store.reserve({ id: 'a', counters })
    const keys = redisKeys(prefix)
    const command = settleCommand(keys, { id: 'a', tokens: 0, costNanos: 500 }, '', [])
    const reply = await runScript(scriptClientOf(redis.client, 'redisStore'), settleScript, command.keys, command.args)
    expect(reply).toEqual(['keys', keys.concurrency('c'), keys.budget('b'), keys.budgetLeases('b')])
    expect(await store.read({ counters: [...reading] })).toMatchObject([{ inFlight: 1 }, { spent: 0, reserved: 800 }])
    expect(await store.settle({ id: 'a', tokens: 0, costNanos: 500 })).toMatchObject({ settled: true })
    expect(await store.read({ counters: [...reading] })).toMatchObject([{ inFlight: 0 }, { spent: 500, reserved: 0 }])
  })

  it('settles a reservation another store (process) made in two round trips: the first learns its keys', async () => {
    const prefix = 'foreign'
    await redisStore({ client: redis.client, prefix, timeoutMs: 2_000 }).reserve({ id: 'a', counters })
    const other = redisStore({ client: redis.client, prefix, timeoutMs: 2_000 })
    await other.read({ counters: [...reading] }) // scripts cached
    const before = await commandCalls(redis.client)
    expect(await other.settle({ id: 'a', tokens: 0, costNanos: 300 })).toMatchObject({ settled: true })
    const after = await commandCalls(redis.client)
    expect((after.evalsha ?? 0) - (before.evalsha ?? 0)).toBe(2)
    expect(await other.read({ counters: [...reading] })).toMatchObject([{ inFlight: 0 }, { spent: 300, reserved: 0 }])
    expect(await other.settle({ id: 'a', tokens: 0, costNanos: 300 })).toEqual({ settled: false, counters: [] })
  })
})
