import { describe, expect, it } from 'vitest'
import { estimatedResult } from './estimated-result.js'

describe('estimatedResult', () => {
  it('estimates the output from characters, rounding up, and flags the result', () => {
    expect(estimatedResult(12, 9, { responseId: 'msg_1' })).toEqual({
      responseId: 'msg_1',
      usage: { inputTokens: 12, outputTokens: 3 },
      estimated: true,
    })
  })

  it('settles zero output when no text was seen', () => {
    expect(estimatedResult(5, 0)).toEqual({ usage: { inputTokens: 5, outputTokens: 0 }, estimated: true })
  })
})
