import { describe, expect, it } from 'vitest'
import { withUsage } from './with-usage.js'

describe('withUsage', () => {
  it('completes the known fields with the usage, without copying them', () => {
    const known = { responseId: 'r1', finishReasons: ['stop'] }
    const result = withUsage(known, { inputTokens: 3, outputTokens: 2 })
    expect(result).toBe(known)
    expect(result).toEqual({ responseId: 'r1', finishReasons: ['stop'], usage: { inputTokens: 3, outputTokens: 2 } })
  })
})
