import { LRUCache } from 'lru-cache'
import { checkAmount } from '../store/check-amount.js'
import type { RecordOutputsRequest } from '../store/store.js'

/** Learned keys a memory store keeps (the least recently used is forgotten beyond it). */
const maxOutputKeys = 10_000

/**
 * The memory store's `Store.recordOutputs`: per key, the most recent `window` output-token counts,
 * shared by every engine using the same `memoryStore()`. A `window` that is not a positive safe
 * integer or a count that is not a non-negative safe integer is a `RangeError`, before any change.
 */
export function memoryOutputWindows(): (request: RecordOutputsRequest) => number[] {
  const windows = new LRUCache<string, number[]>({ max: maxOutputKeys })
  return ({ key, tokens, window }) => {
    if (!Number.isSafeInteger(window) || window <= 0) throw new RangeError(`finops-ai store: window must be a positive safe integer, got ${String(window)}`)
    tokens.forEach((count, index) => checkAmount(`tokens[${index}]`, count))
    let counts = windows.get(key)
    if (counts === undefined) {
      if (tokens.length === 0) return []
      counts = []
      windows.set(key, counts)
    }
    counts.push(...tokens)
    if (counts.length > window) counts.splice(0, counts.length - window)
    return counts.slice()
  }
}
