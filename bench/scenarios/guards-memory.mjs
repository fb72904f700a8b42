import { interleave, summarize } from '../lib/interleave.mjs'
import { benchPolicies } from '../lib/bench-policies.mjs'
import { benchCallRequest, BENCH_CALL_RESULT } from '../lib/call-path-request.mjs'

/**
 * Issue #10 scenario 4: guard decisions per second on the memory store for a call matching three
 * policies (rpm, tpm, budget): one decision = the engine's `begin` (attribution, price, reserve
 * across the three policies' counters) plus `succeed` (cost, settle), as the adapters drive it,
 * without an SDK or an OTel SDK. For context: the same engine without policies (the floor of the
 * engine's own bookkeeping) and the bare store (`reserve` + `settle` of the same three counters).
 */
export const scenario = {
  name: 'guards.memory',
  requires: [['@finops-ai/core', ['createFinOps', 'memoryStore', 'callPathOf']]],
}

export async function run({ quick, solo }) {
  const { createFinOps, memoryStore, callPathOf } = await import('@finops-ai/core')
  const guarded = callPathOf(createFinOps({ store: memoryStore(), policies: benchPolicies() }))
  const bare = callPathOf(createFinOps())
  const request = benchCallRequest()
  const decisions = (path) => (n) => {
    for (let index = 0; index < n; index++) {
      const handle = path.begin(request)
      handle.succeed(BENCH_CALL_RESULT)
    }
  }

  const store = memoryStore()
  const window = { windowMs: 60_000, bucketMs: 1_000 }
  const counters = [
    { kind: 'window', key: 'bench-rpm:rpm', measure: 'requests', amount: 1, limit: 1_000_000_000, ...window },
    { kind: 'window', key: 'bench-tpm:tpm', measure: 'tokens', amount: 296, limit: 1_000_000_000_000, ...window },
    { kind: 'budget', key: 'bench-budget:budget', period: 'monthly', amount: 160_000, hardLimit: 1e15, softLimit: 9e14 },
  ]
  let sequence = 0
  const storeOnly = (n) => {
    for (let index = 0; index < n; index++) {
      const id = `bench:${++sequence}`
      const now = Date.now()
      if (!store.reserve({ id, now, counters }).allowed) throw new Error('bench store denied a call')
      store.settle({ id, now, tokens: 43, costNanos: 11_850 })
    }
  }

  // Sanity: the guarded path really reserves on all three policies (and never denies).
  const probe = guarded.begin(request)
  probe.succeed(BENCH_CALL_RESULT)

  let variants = [
    { name: '3-policies', run: decisions(guarded) },
    { name: 'no-policies', run: decisions(bare) },
    { name: 'store-only-3-counters', run: storeOnly },
  ]
  if (solo) variants = variants.filter((variant) => variant.name === solo)
  const samples = await interleave({ variants, ...(quick ? { rounds: 6, warmupRounds: 2, batch: 2_000 } : { rounds: 30, warmupRounds: 5, batch: 20_000 }) })
  const entries = {}
  for (const [name, values] of samples) {
    const entry = summarize(values)
    entries[`${scenario.name}.${name}`] = { ...entry, decisionsPerSec: Math.round(1e6 / entry.medianUs), unit: 'µs per decision (reserve + settle)' }
  }
  return { entries }
}
