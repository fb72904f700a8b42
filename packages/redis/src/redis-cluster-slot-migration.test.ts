import { callPathOf, createFinOps, type CounterRequest, type FinOpsEvent, type PolicyConfig } from '@finops-ai/core'
import type { Cluster } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisCluster, type RedisClusterProcess, type RedisSlotMigration } from './testing/redis-cluster-process.js'
import { waitFor } from './testing/redis-process-control.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { connectClusterClient } from './redis-cluster-test-client.js'
import { redisKeys } from './redis-keys.js'
import { RedisStoreError } from './redis-store-error.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()

// Generous: these tests wait for the migration, never for a deadline (except the one about giving up).
const patientMs = 60_000

const counters: CounterRequest[] = [
  { kind: 'window', key: 'rpm', measure: 'requests', amount: 1, limit: 1_000, windowMs: 60_000, bucketMs: 1_000 },
  { kind: 'concurrency', key: 'c', limit: 100 },
  { kind: 'budget', key: 'b', period: 'monthly', amount: 5_000, hardLimit: 1_000_000_000 },
]
const reading = [
  { kind: 'window', key: 'rpm', windowMs: 60_000, bucketMs: 1_000 },
  { kind: 'concurrency', key: 'c' },
  { kind: 'budget', key: 'b', period: 'monthly' },
] as const

describe.skipIf(skip !== undefined)('redisStore on a Redis Cluster while the slot of its prefix migrates', () => {
  let cluster: RedisClusterProcess
  let client: Cluster
  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 })
    client = await connectClusterClient(cluster.startupNodes)
  }, 60_000)
  afterAll(async () => {
    client.disconnect()
    await cluster.stop()
  })

  const slotOf = async (prefix: string): Promise<number> => Number(await client.cluster('KEYSLOT', redisKeys(prefix).tag))
  // TRYAGAIN replies of both sides of a migration: the source (keys partly moved) or the target (asked, keys partly there).
  const tryAgains = async (migration: RedisSlotMigration): Promise<number> =>
    (await cluster.errorReplies(migration.source, 'TRYAGAIN')) + (await cluster.errorReplies(migration.target, 'TRYAGAIN'))
  const refusedAtLeast = (migration: RedisSlotMigration, count: number) =>
    waitFor(`the migrating slot's nodes refused ${count} scripts with TRYAGAIN`, async () => (await tryAgains(migration)) >= count)

  it('settles a reservation whose counters moved before its record: refused as a whole (TRYAGAIN), sent again until the slot moved', async () => {
    const prefix = 'counters-first'
    const store = redisStore({ client, prefix, timeoutMs: patientMs })
    expect(await store.reserve({ id: 'a', counters })).toMatchObject({ allowed: true })
    const migration = await cluster.startSlotMigration(await slotOf(prefix))
    const record = redisKeys(prefix).reservation('a')
    await migration.moveKeys((await migration.keysLeft(100)).filter((key) => key !== record))
    expect(await migration.keysLeft(100)).toEqual([record]) // the record alone is still on the source

    const before = await tryAgains(migration)
    const settling = store.settle({ id: 'a', tokens: 10, costNanos: 700 })
    await refusedAtLeast(migration, before + 1)
    await migration.finish()

    expect(await settling).toMatchObject({ settled: true })
    expect(await store.read({ counters: [...reading] })).toMatchObject([{ used: 1 }, { inFlight: 0 }, { spent: 700, reserved: 0 }])
  }, 60_000)

  it('admits and settles every call made while the keys move in batches, within timeoutMs, with exact totals', async () => {
    const prefix = 'moving-batches'
    const { tag } = redisKeys(prefix)
    // Other keys of the same slot, so that the migration goes on for many batches.
    for (let chunk = 0; chunk < 10; chunk += 1) {
      await client.mset(Object.fromEntries(Array.from({ length: 300 }, (_, index) => [`${tag}:filler:${chunk}:${index}`, 'x'])))
    }
    const policies: PolicyConfig[] = [{ key: 'team', limits: { requests_per_minute: 1_000, max_concurrent: 100, budget: { period: 'monthly', hard_limit_usd: 1_000 } } }]
    const events: FinOpsEvent[] = []
    let costNanos = 0
    const finops = createFinOps({
      store: redisStore({ client, prefix, timeoutMs: patientMs }),
      policies,
      prices: { 'test-model': { input: 1, output: 2 } },
      onStoreError: 'fail-closed',
      onEvent: (event) => void events.push(event),
      onUsage: (record) => {
        costNanos += record.cost?.usdNanos ?? 0
      },
    })
    const path = callPathOf(finops)
    const request = { provider: 'openai', operation: 'chat' as const, model: 'test-model', stream: false, maxOutputTokens: 100, estimatedInputTokens: 100 }
    const call = async (index: number) => {
      const handle = await path.begin(request)
      handle.succeed({ usage: { inputTokens: 100, outputTokens: index } })
    }
    await call(0) // the counters exist before the migration starts

    const migration = await cluster.startSlotMigration(await slotOf(prefix))
    await migration.moveKeys(await migration.keysLeft(100))
    const before = await tryAgains(migration)
    const calls = Array.from({ length: 20 }, (_, index) => call(index + 1))
    await refusedAtLeast(migration, before + 1) // the calls are waiting for the slot
    await migration.finish(50)
    await Promise.all(calls)
    await finops.flush()

    expect(events.filter((event) => event.type === 'store_degraded' || event.type === 'limit_exceeded')).toEqual([])
    expect(costNanos).toBe(21 * 100_000 + 2_000 * ((20 * 21) / 2))
    const spend = await finops.spend({ policy: 'team' })
    expect(spend.reserved).toBe(0)
    expect(Math.round(spend.spent * 1e9)).toBe(costNanos)
  }, 60_000)

  it('a reserve that gave up during the migration holds nothing: its cancel is retried until the slot moved', async () => {
    const prefix = 'gives-up'
    // A client that gives up on a refused command at once, so only the store's own retries remain.
    const hasty = await connectClusterClient(cluster.startupNodes, { maxRedirections: 1 })
    try {
      const impatient = redisStore({ client: hasty, prefix, timeoutMs: 50 })
      const store = redisStore({ client, prefix, timeoutMs: patientMs })
      expect(await store.reserve({ id: 'before', counters })).toMatchObject({ allowed: true })
      await impatient.ready() // scripts loaded: its reserve below is refused by the slot, not slowed by loading
      const migration = await cluster.startSlotMigration(await slotOf(prefix))
      await migration.moveKeys((await migration.keysLeft(1)).slice(0, 1))

      const failed = await impatient.reserve({ id: 'late', counters }).catch((error: unknown) => error)
      expect(failed).toBeInstanceOf(RedisStoreError)
      expect(failed).toMatchObject({ operation: 'reserve', failure: 'timeout' })
      // The reserve's last try and one cancel are refused at most 4 times from here (each command
      // at most twice with maxRedirections 1): more refusals are the cancel being sent again.
      await refusedAtLeast(migration, (await tryAgains(migration)) + 6)
      await migration.finish()

      // The cancel ran (its tombstone is there); a reserve still re-sent by a client is refused.
      const record = redisKeys(prefix).reservation('late')
      await waitFor('the cancel of the reserve that gave up left its tombstone', async () => (await client.lrange(record, 0, -1)).join() === 'cancelled')
      await expect(store.reserve({ id: 'late', counters })).rejects.toMatchObject({ failure: 'reply' })
      expect(await store.settle({ id: 'before', tokens: 1, costNanos: 900 })).toMatchObject({ settled: true })
      expect(await store.read({ counters: [...reading] })).toMatchObject([{}, { inFlight: 0 }, { spent: 900, reserved: 0 }])
    } finally {
      hasty.disconnect()
    }
  }, 60_000)
})
