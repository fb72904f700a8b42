import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { maxUsageCount, validateResult, validateUsage } from './validate-usage.js'

const estimate = { inputTokens: 120, outputTokens: () => 1024 }

describe('validateUsage', () => {
  it('returns valid usage as it is, without a copy', () => {
    const usage = { inputTokens: 100, outputTokens: 20, cacheReadTokens: 40, reasoningTokens: 5, audioSeconds: 1.5 }
    expect(validateUsage(usage, estimate)).toEqual({ usage, problems: [], estimated: false })
    expect(validateUsage(usage, estimate).usage).toBe(usage)
  })

  it('replaces negative or non-numeric totals by the estimate, so the call is never free', () => {
    const checked = validateUsage({ inputTokens: -1000, outputTokens: Number.NaN }, estimate)
    expect(checked.usage).toEqual({ inputTokens: 120, outputTokens: 1024 })
    expect(checked.estimated).toBe(true)
    expect(checked.problems).toEqual(['inputTokens: -1000', 'outputTokens: NaN'])
  })

  it.each([1e300, 2 ** 60, 1.7e308, Number.POSITIVE_INFINITY])('clamps a total of %s to maxUsageCount', (huge) => {
    const checked = validateUsage({ inputTokens: huge, outputTokens: 10 }, estimate)
    expect(checked.usage).toEqual({ inputTokens: maxUsageCount, outputTokens: 10 })
    expect(checked.estimated).toBe(false)
  })

  it('rounds fractions of tokens up', () => {
    expect(validateUsage({ inputTokens: 10.2, outputTokens: 3 }, estimate).usage).toEqual({ inputTokens: 11, outputTokens: 3 })
  })

  it('drops unusable parts (charged at the full rate) and clamps parts above their total', () => {
    const checked = validateUsage({ inputTokens: 100, outputTokens: 50, cacheReadTokens: -5000, reasoningTokens: 80, webSearchRequests: -2 }, estimate)
    expect(checked.usage).toEqual({ inputTokens: 100, outputTokens: 50, reasoningTokens: 50 })
    expect(checked.problems).toEqual(['cacheReadTokens: -5000', 'reasoningTokens: 80 exceeds outputTokens 50 (clamped)', 'webSearchRequests: -2'])
  })
})

describe('validateResult', () => {
  it('keeps a valid result and marks a result whose total was replaced as estimated', () => {
    const request = { provider: 'openai', model: 'gpt-4o', estimatedInputTokens: 120 } as CallRequest
    const valid = { usage: { inputTokens: 1, outputTokens: 2 }, responseId: 'r' }
    expect(validateResult(valid, request, () => 1024)).toBe(valid)
    expect(validateResult({ usage: { inputTokens: -1, outputTokens: 2 }, responseId: 'r' }, request, () => 1024)).toEqual({
      usage: { inputTokens: 120, outputTokens: 2 },
      responseId: 'r',
      estimated: true,
    })
  })
})
