import { describe, expect, it } from 'vitest'
import { memoryStore } from '../store/memory-store.js'
import { memoryOutputWindows } from './memory-output-windows.js'

describe('memoryOutputWindows', () => {
  it('keeps the most recent window counts per key, oldest first', () => {
    const record = memoryOutputWindows()
    expect(record({ key: 'a', tokens: [1, 2, 3], window: 4 })).toEqual([1, 2, 3])
    expect(record({ key: 'a', tokens: [4, 5], window: 4 })).toEqual([2, 3, 4, 5])
    expect(record({ key: 'b', tokens: [], window: 4 })).toEqual([])
    expect(record({ key: 'a', tokens: [], window: 4 })).toEqual([2, 3, 4, 5])
  })

  it('is what memoryStore() offers as recordOutputs', () => {
    const store = memoryStore()
    store.recordOutputs?.({ key: 'k', tokens: [7], window: 10 })
    expect(store.recordOutputs?.({ key: 'k', tokens: [8], window: 10 })).toEqual([7, 8])
  })
})
