import { LRUCache } from 'lru-cache'
import type { RecordOutputsRequest } from '../store/store.js'

/** Learned keys a memory store keeps (the least recently used is forgotten beyond it). */
const maxOutputKeys = 10_000

/**
 * The memory store's `Store.recordOutputs`: per key, the most recent `window` output-token counts,
 * shared by every engine using the same `memoryStore()`.
 */
export function memoryOutputWindows(): (request: RecordOutputsRequest) => number[] {
  const windows = new LRUCache<string, number[]>({ max: maxOutputKeys })
  return ({ key, tokens, window }) => {
    let counts = windows.get(key)
    if (counts === undefined) {
      counts = []
      windows.set(key, counts)
    }
    counts.push(...tokens)
    if (counts.length > window) counts.splice(0, counts.length - window)
    return counts.slice()
  }
}
