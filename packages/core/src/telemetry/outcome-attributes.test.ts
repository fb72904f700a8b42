import { describe, expect, it } from 'vitest'
import { addOutcomeAttributes, cacheWriteTokens } from './outcome-attributes.js'
import { semconvNames } from './semconv.js'
import type { InferenceOutcome } from './telemetry-types.js'

const bare: InferenceOutcome = { result: { usage: { inputTokens: 10, outputTokens: 5 } }, cost: null, policyKeys: [] }
const anthropicChat = { provider: 'anthropic', operation: 'chat' } as const
const openaiChat = { provider: 'openai', operation: 'chat' } as const

describe('cacheWriteTokens', () => {
  it('sums both TTLs and is undefined when the provider reported none', () => {
    expect(cacheWriteTokens({ inputTokens: 1, outputTokens: 1 })).toBeUndefined()
    expect(cacheWriteTokens({ inputTokens: 1, outputTokens: 1, cacheWriteTokens: 3 })).toBe(3)
    expect(cacheWriteTokens({ inputTokens: 1, outputTokens: 1, cacheWrite1hTokens: 4 })).toBe(4)
    expect(cacheWriteTokens({ inputTokens: 1, outputTokens: 1, cacheWriteTokens: 3, cacheWrite1hTokens: 4 })).toBe(7)
  })
})

describe('addOutcomeAttributes', () => {
  it('records input and output tokens even when nothing else is known', () => {
    expect(addOutcomeAttributes({}, bare, anthropicChat, semconvNames('default'))).toEqual({
      'gen_ai.usage.input_tokens': 10,
      'gen_ai.usage.output_tokens': 5,
    })
  })

  it('names cache writes per mode', () => {
    const withCache: InferenceOutcome = { ...bare, result: { usage: { ...bare.result.usage, cacheWrite1hTokens: 2 } } }
    expect(addOutcomeAttributes({}, withCache, anthropicChat, semconvNames('default'))).toHaveProperty(
      'gen_ai.usage.cache_creation.input_tokens',
      2,
    )
    expect(addOutcomeAttributes({}, withCache, anthropicChat, semconvNames('latest'))).toHaveProperty(
      'gen_ai.usage.cache_write.input_tokens',
      2,
    )
  })

  it('records the response service tier under openai.* for OpenAI only', () => {
    const tiered: InferenceOutcome = { ...bare, result: { ...bare.result, serviceTier: 'priority' } }
    expect(addOutcomeAttributes({}, tiered, anthropicChat, semconvNames('default'))).not.toHaveProperty('openai.response.service_tier')
    expect(addOutcomeAttributes({}, tiered, openaiChat, semconvNames('default'))).toHaveProperty('openai.response.service_tier', 'priority')
  })

  it('records a user-overridden price source and a zero remaining budget', () => {
    const overridden: InferenceOutcome = {
      ...bare,
      cost: { amount: 0, input: 0, output: 0, currency: 'USD', source: 'override' },
      budgetRemaining: 0,
    }
    expect(addOutcomeAttributes({}, overridden, openaiChat, semconvNames('default'))).toMatchObject({
      'finops.cost.amount': 0,
      'finops.price.source': 'override',
      'finops.budget.remaining': 0,
    })
  })

  it('records no output tokens for embeddings', () => {
    expect(addOutcomeAttributes({}, bare, { provider: 'openai', operation: 'embeddings' }, semconvNames('default'))).toEqual({
      'gen_ai.usage.input_tokens': 10,
    })
  })

  it('keeps estimated usage out of gen_ai.usage.* and under finops.usage.*', () => {
    const estimated: InferenceOutcome = { ...bare, result: { ...bare.result, estimated: true } }
    expect(addOutcomeAttributes({}, estimated, openaiChat, semconvNames('default'))).toEqual({
      'finops.usage.input_tokens': 10,
      'finops.usage.output_tokens': 5,
      'finops.usage.estimated': true,
    })
  })
})
