import { describe, expect, it } from 'vitest'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { setUsageCount } from './set-usage-count.js'

describe('setUsageCount', () => {
  it('sets positive counts and leaves zero, null and non-numbers unset', () => {
    const usage: NormalizedUsage = { inputTokens: 10, outputTokens: 2 }
    setUsageCount(usage, 'cacheReadTokens', 4)
    setUsageCount(usage, 'cacheWriteTokens', 0)
    setUsageCount(usage, 'reasoningTokens', null)
    setUsageCount(usage, 'webSearchRequests', '2')
    expect(usage).toEqual({ inputTokens: 10, outputTokens: 2, cacheReadTokens: 4 })
  })
})
