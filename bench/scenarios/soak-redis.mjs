import { BENCH_CALL_RESULT, benchCallRequest } from '../lib/call-path-request.mjs'
import { heapAfterGc, megabytes } from '../lib/heap-after-gc.mjs'
import { memoryStoreHeap } from '../lib/memory-store-heap.mjs'
import { redisKeyspace } from '../lib/redis-keyspace.mjs'
import { withRedisServer } from '../lib/redis-server.mjs'

/**
 * The most the heap may grow after warm-up. `redisStore` keeps no per-key state in the process,
 * so nothing should grow: 1 MB is ≤ 13 bytes per call over the 80k calls after warm-up (less than
 * any object kept per call) and a small fraction of what the same live counters take in a memory
 * store (calibrated below: ~12 MB for the 40k counters).
 */
const HEAP_BOUND_BYTES = 1_048_576
/** Counters per user of the policy below: a requests-per-minute window and a monthly budget. */
const COUNTERS_PER_USER = 2
const CONCURRENCY = 100

/**
 * Issue #11 item 3, Redis half: 100k guarded calls through the engine's call path (as the adapters
 * drive it: `begin` + `succeed`) with `redisStore` on a throwaway local `redis-server`, a `per: user`
 * policy (requests per minute + monthly budget) over 20k distinct users, 100 callers at a time.
 * `heapUsed` after forced GCs (all settlements flushed) every 10k calls; warm-up: the first 20k
 * (every user once, so every key exists). At the end, Redis's `used_memory`, its keys against the
 * live keys expected (two counters per user; reservation records and lease sets are gone once
 * every call settled) and how many keys have a TTL.
 */
export const scenario = {
  name: 'soak.redis',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'callPathOf', 'memoryStore']],
    ['@finops-ai/redis', ['redisStore']],
  ],
  targets: {
    'soak.redis.heap': 'heap growth after warm-up ≤ 1 MB (no per-key state in process)',
    'soak.redis.keyspace': 'Redis keys = live keys expected (2 per user), every key with a TTL',
  },
}

const policies = [
  { key: 'per-user', per: 'user', limits: { requests_per_minute: 1_000_000_000, budget: { period: 'monthly', hard_limit_usd: 1_000_000 } } },
]

export async function run({ quick }) {
  const { createFinOps, callPathOf, memoryStore } = await import('@finops-ai/core')
  const { redisStore } = await import('@finops-ai/redis')
  return withRedisServer(({ client, admin }) => soak({ createFinOps, callPathOf, memoryStore, redisStore, client, admin, quick }))
}

async function soak({ createFinOps, callPathOf, memoryStore, redisStore, client, admin, quick }) {
  const users = quick ? 400 : 20_000
  const totalCalls = quick ? 2_000 : 100_000
  const warmupCalls = users
  const checkpointEvery = totalCalls / 10
  const requests = Array.from({ length: users }, (_, index) => benchCallRequest({ team: 'bench', feature: 'support-rag', user: `user-${String(index).padStart(5, '0')}` }))
  const inProcessEquivalentBytes = memoryStoreHeap(memoryStore, { users: users, maxKeys: users * COUNTERS_PER_USER })

  const emptyRedis = await redisKeyspace(admin)
  const finops = createFinOps({ store: redisStore({ client }), policies })
  const path = callPathOf(finops)
  // Each call waits for its reservation (one EVALSHA); its settlement runs in the background, as in a real call.
  let call = 0
  const callsUntil = async (end) => {
    const worker = async () => {
      while (call < end) (await path.begin(requests[call++ % users])).succeed(BENCH_CALL_RESULT)
    }
    await Promise.all(Array.from({ length: CONCURRENCY }, worker))
    await finops.flush()
  }

  const baseline = heapAfterGc()
  const checkpoints = [{ calls: 0, heapUsedBytes: baseline }]
  let callingMs = 0
  while (call < totalCalls) {
    const started = performance.now()
    await callsUntil(call + checkpointEvery)
    callingMs += performance.now() - started
    checkpoints.push({ calls: call, heapUsedBytes: heapAfterGc() })
  }
  const atWarmup = checkpoints.find((checkpoint) => checkpoint.calls === warmupCalls).heapUsedBytes
  const atEnd = checkpoints.at(-1).heapUsedBytes
  const growthAfterWarmupBytes = atEnd - atWarmup
  const heapTarget = `heap growth after warm-up (${warmupCalls.toLocaleString('en-US')} calls) ≤ ${megabytes(HEAP_BOUND_BYTES)} MB: no per-key state in process (a memory store holds ${megabytes(inProcessEquivalentBytes)} MB for the same counters)`
  const heapEntry = {
    calls: totalCalls,
    distinctUsers: users,
    concurrency: CONCURRENCY,
    callsPerSec: Math.round((totalCalls / callingMs) * 1000),
    heapAtWarmupMB: megabytes(atWarmup),
    heapAtEndMB: megabytes(atEnd),
    heapGrowthAfterWarmupMB: megabytes(growthAfterWarmupBytes),
    growthPerCallAfterWarmupBytes: Math.round((growthAfterWarmupBytes / (totalCalls - warmupCalls)) * 100) / 100,
    boundMB: megabytes(HEAP_BOUND_BYTES),
    memoryStoreEquivalentMB: megabytes(inProcessEquivalentBytes),
    checkpointsMB: checkpoints.map((checkpoint) => [checkpoint.calls, megabytes(checkpoint.heapUsedBytes)]),
    figure: `growth after warm-up ${megabytes(growthAfterWarmupBytes)} MB (bound ${megabytes(HEAP_BOUND_BYTES)} MB); ${Math.round((totalCalls / callingMs) * 1000).toLocaleString('en-US')} calls/s`,
    target: heapTarget,
    met: growthAfterWarmupBytes <= HEAP_BOUND_BYTES,
  }

  const redis = await redisKeyspace(admin)
  const expectedKeys = users * COUNTERS_PER_USER
  const usedMemoryGrowth = redis.usedMemoryBytes - emptyRedis.usedMemoryBytes
  const keyspaceEntry = {
    keys: redis.keys,
    expectedLiveKeys: expectedKeys,
    keysWithTtl: redis.keysWithTtl,
    ttlCoverage: `${redis.keysWithTtl}/${redis.keys}`,
    keysByKind: Object.fromEntries(
      Object.entries(redis.byKind).map(([kind, entry]) => [kind, { keys: entry.keys, withTtl: entry.withTtl, maxTtlHours: Math.round((entry.maxTtlMs / 3_600_000) * 100) / 100 }]),
    ),
    usedMemoryMB: megabytes(redis.usedMemoryBytes),
    usedMemoryGrowthMB: megabytes(usedMemoryGrowth),
    usedMemoryPerKeyBytes: redis.keys === 0 ? 0 : Math.round(usedMemoryGrowth / redis.keys),
    figure: `${redis.keys.toLocaleString('en-US')} keys (expected ${expectedKeys.toLocaleString('en-US')}), TTL on ${redis.keysWithTtl}/${redis.keys}; used_memory +${megabytes(usedMemoryGrowth)} MB`,
    target: `Redis keys = live keys expected (${COUNTERS_PER_USER} per user = ${expectedKeys.toLocaleString('en-US')}), every key with a TTL`,
    met: redis.keys === expectedKeys && redis.keysWithTtl === redis.keys,
  }
  return { entries: { [`${scenario.name}.heap`]: heapEntry, [`${scenario.name}.keyspace`]: keyspaceEntry } }
}
