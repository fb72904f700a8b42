import { describe, expect, it } from 'vitest'
import { readFinishReason } from './read-finish-reason.js'

describe('readFinishReason', () => {
  it("prefers the provider's raw reason, then the unified one", () => {
    expect(readFinishReason({ unified: 'stop', raw: 'end_turn' })).toBe('end_turn')
    expect(readFinishReason({ unified: 'length', raw: undefined })).toBe('length')
  })

  it("takes a V2 model's string, and nothing else", () => {
    expect(readFinishReason('stop')).toBe('stop')
    expect(readFinishReason(undefined)).toBeUndefined()
  })
})
