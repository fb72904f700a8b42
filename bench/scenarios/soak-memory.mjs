import { BENCH_CALL_RESULT, benchCallRequest } from '../lib/call-path-request.mjs'
import { heapAfterGc } from '../lib/heap-after-gc.mjs'
import { memoryStoreHeap } from '../lib/memory-store-heap.mjs'

/** `memoryStore()`'s documented default `maxKeys` (packages/core/src/store/memory-store.ts). */
const DOCUMENTED_MAX_KEYS = 10_000
const USERS = 100_000

/**
 * Issue #10 scenario 6: 1M guarded calls through the engine's call path (as the adapters drive
 * it) with a `per: user` policy (requests per minute + monthly budget: two counters per user) over
 * 100k distinct users, on `memoryStore()` with its default LRU bound. `heapUsed` after a forced
 * full GC is sampled every 100k calls. Warm-up: the first 200k calls (every user twice, the LRU
 * full). The bound: the heap a memory store holding `maxKeys` such counters occupies, calibrated
 * in this process on a separate store.
 */
export const scenario = {
  name: 'soak.memory',
  requires: [['@finops-ai/core', ['createFinOps', 'memoryStore', 'callPathOf']]],
  targets: { 'soak.memory.per-user-100k': 'heap growth after warm-up ≤ the LRU bound' },
}

const policies = [
  { key: 'per-user', per: 'user', limits: { requests_per_minute: 1_000_000_000, budget: { period: 'monthly', hard_limit_usd: 1_000_000 } } },
]

export async function run({ quick }) {
  if (typeof globalThis.gc !== 'function') throw new Error('run with node --expose-gc (bench/run.mjs does)')
  const { createFinOps, memoryStore, callPathOf } = await import('@finops-ai/core')
  const totalCalls = quick ? 300_000 : 1_000_000
  const warmupCalls = 200_000
  const checkpointEvery = 100_000
  const users = Array.from({ length: USERS }, (_, index) => `user-${String(index).padStart(6, '0')}`)
  const requests = users.map((user) => benchCallRequest({ team: 'bench', feature: 'support-rag', user }))

  const lruBoundBytes = memoryStoreHeap(memoryStore, { users: DOCUMENTED_MAX_KEYS / 2, maxKeys: DOCUMENTED_MAX_KEYS })

  const finops = createFinOps({ store: memoryStore(), policies })
  const path = callPathOf(finops)
  const baseline = heapAfterGc()
  const checkpoints = [{ calls: 0, heapUsedBytes: baseline }]
  for (let call = 0; call < totalCalls; ) {
    const end = call + checkpointEvery
    for (; call < end; call++) path.begin(requests[call % USERS]).succeed(BENCH_CALL_RESULT)
    checkpoints.push({ calls: call, heapUsedBytes: heapAfterGc() })
  }
  const atWarmup = checkpoints.find((checkpoint) => checkpoint.calls === warmupCalls).heapUsedBytes
  const atEnd = checkpoints.at(-1).heapUsedBytes
  const growthAfterWarmupBytes = atEnd - atWarmup
  const mb = (bytes) => Math.round((bytes / 1048576) * 100) / 100
  const entry = {
    calls: totalCalls,
    distinctUsers: USERS,
    countersPerUser: 2,
    maxKeys: DOCUMENTED_MAX_KEYS,
    heapAtWarmupMB: mb(atWarmup),
    heapAtEndMB: mb(atEnd),
    growthAfterWarmupMB: mb(growthAfterWarmupBytes),
    retainedOverBaselineMB: mb(atEnd - baseline),
    lruBoundMB: mb(lruBoundBytes),
    checkpointsMB: checkpoints.map((checkpoint) => [checkpoint.calls, mb(checkpoint.heapUsedBytes)]),
    target: `heap growth after warm-up (${warmupCalls / 1000}k calls) ≤ the LRU bound (maxKeys ${DOCUMENTED_MAX_KEYS} counters ≈ ${mb(lruBoundBytes)} MB)`,
    met: growthAfterWarmupBytes <= lruBoundBytes,
  }
  return { entries: { [`${scenario.name}.per-user-100k`]: entry } }
}
