import { heapAfterGc } from './heap-after-gc.mjs'

/**
 * Heap a `memoryStore` holds for `users` users' live counters of the soak scenarios' policy (a
 * request window and a monthly budget each), in bytes: what keeping per-key state in the process
 * costs. `maxKeys` is the store's bound (counters beyond it are evicted).
 */
export function memoryStoreHeap(memoryStore, { users, maxKeys }) {
  const before = heapAfterGc()
  const store = memoryStore({ maxKeys })
  const now = Date.now()
  for (let index = 0; index < users; index++) {
    const id = `calibrate-${index}`
    store.reserve({
      id,
      now,
      counters: [
        { kind: 'window', key: `per-user/user=calibrate-${index}:rpm`, measure: 'requests', amount: 1, limit: 1e9, windowMs: 60_000, bucketMs: 1_000 },
        { kind: 'budget', key: `per-user/user=calibrate-${index}:budget`, period: 'monthly', amount: 160_000, hardLimit: 1e15 },
      ],
    })
    store.settle({ id, now, tokens: 43, costNanos: 11_850 })
  }
  const after = heapAfterGc()
  // Keep `store` alive until after the measurement.
  if (store.read({ now, counters: [] }).length !== 0) throw new Error('unexpected read result')
  return Math.max(0, after - before)
}
