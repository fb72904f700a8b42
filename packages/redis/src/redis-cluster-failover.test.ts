import { callPathOf, createFinOps, LimitExceededError, type FinOpsEvent, type PolicyConfig } from '@finops-ai/core'
import type { Cluster } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisCluster, type RedisClusterProcess } from './testing/redis-cluster-process.js'
import { waitFor } from './testing/redis-process-control.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { connectClusterClient } from './redis-cluster-test-client.js'
import { redisKeys } from './redis-keys.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()

const policies: PolicyConfig[] = [{ key: 'team', limits: { requests_per_minute: 100_000, max_concurrent: 1_000, budget: { period: 'monthly', hard_limit_usd: 1_000 } } }]
const request = { provider: 'openai', operation: 'chat' as const, model: 'test-model', stream: false, maxOutputTokens: 100, estimatedInputTokens: 100 }
const lanes = 8

/** What the calls of one traffic run did. */
interface Traffic {
  admitted: number
  denied: Record<string, number>
  /** Sum of the costs of the admitted calls (their usage records), in nano-USD. */
  costNanos: number
  degraded: number
}

describe.skipIf(skip !== undefined)('redisStore on a Redis Cluster while a replica is promoted under traffic', () => {
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

  // `lanes` calls in flight at all times while the slot of `prefix` fails over: some before, some
  // during the promotion, and `after` calls once every node agrees on the new master.
  const trafficThroughFailover = async (prefix: string, timeoutMs: number, onStoreError: 'fail-open' | 'fail-closed', after = 40) => {
    const events: FinOpsEvent[] = []
    const traffic: Traffic = { admitted: 0, denied: {}, costNanos: 0, degraded: 0 }
    const finops = createFinOps({
      store: redisStore({ client, prefix, timeoutMs }),
      policies,
      prices: { 'test-model': { input: 1, output: 2 } },
      onStoreError,
      onEvent: (event) => void events.push(event),
      onUsage: (record) => {
        traffic.costNanos += record.cost?.usdNanos ?? 0
      },
    })
    const path = callPathOf(finops)
    await finops.spend({ policy: 'team' }) // the store is ready: its scripts are loaded
    let completed = 0
    let stopAt = Number.POSITIVE_INFINITY
    const lane = async (lane: number) => {
      for (let index = 0; completed < stopAt; index += 1) {
        try {
          const handle = await path.begin(request)
          traffic.admitted += 1
          handle.succeed({ usage: { inputTokens: 100, outputTokens: (lane * 7 + index) % 50 } })
        } catch (error) {
          if (!(error instanceof LimitExceededError)) throw error
          traffic.denied[error.reason] = (traffic.denied[error.reason] ?? 0) + 1
        }
        completed += 1
      }
    }
    const running = Array.from({ length: lanes }, (_, index) => lane(index))
    await waitFor('the traffic has made 40 calls', async () => completed >= 40)
    const slot = Number(await client.cluster('KEYSLOT', redisKeys(prefix).tag))
    const before = await cluster.masterOf(slot)
    const promoted = await cluster.failover(slot)
    expect(promoted.port).not.toBe(before.port)
    stopAt = completed + after
    await Promise.all(running)
    await finops.flush()
    traffic.degraded = events.filter((event) => event.type === 'store_degraded').length
    return { finops, traffic }
  }

  it('with a deadline longer than the promotion: every call is admitted, nothing stays reserved, spent is the sum of the costs', async () => {
    const { finops, traffic } = await trafficThroughFailover('failover-patient', 60_000, 'fail-closed')
    expect(traffic.denied).toEqual({})
    expect(traffic.degraded).toBe(0)
    const spend = await finops.spend({ policy: 'team' })
    expect(spend.reserved).toBe(0)
    expect(Math.round(spend.spent * 1e9)).toBe(traffic.costNanos)
    expect(traffic.costNanos).toBeGreaterThanOrEqual(traffic.admitted * 100_000)
  }, 60_000)

  it('fail-closed with the default 100 ms deadline: calls in the promotion window are denied as store_unavailable; once settle retries and cancels ran, nothing is reserved and no admitted cost is lost', async () => {
    const { finops, traffic } = await trafficThroughFailover('failover-closed', 100, 'fail-closed')
    for (const reason of Object.keys(traffic.denied)) expect(reason).toBe('store_unavailable')
    expect(traffic.admitted).toBeGreaterThan(0)
    // Settles that failed are retried by the engine, reserves that gave up are cancelled by the
    // store (a client may re-send them after the promotion): wait for both, then count.
    const store = redisStore({ client, prefix: 'failover-closed', timeoutMs: 60_000 })
    const counters = [
      { kind: 'concurrency', key: 'team:concurrent' },
      { kind: 'budget', key: 'team:budget', period: 'monthly' },
    ] as const
    await waitFor('no reservation is held any more', async () => {
      const [concurrency, budget] = await store.read({ counters: [...counters] })
      return concurrency?.kind === 'concurrency' && concurrency.inFlight === 0 && budget?.kind === 'budget' && budget.reserved === 0
    })
    const spend = await finops.spend({ policy: 'team' })
    expect(spend.reserved).toBe(0)
    expect(Math.round(spend.spent * 1e9)).toBe(traffic.costNanos)
  }, 60_000)
})
