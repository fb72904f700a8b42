import { describe, expect, it } from 'vitest'
import { readLanguageModelResult } from './read-language-model-result.js'

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 4, text: 4, reasoning: undefined } }

describe('readLanguageModelResult', () => {
  it('reads usage, identity, the raw finish reason and the service tier', () => {
    const outcome = {
      usage,
      finishReason: { unified: 'stop', raw: 'end_turn' },
      providerMetadata: { anthropic: { usage: { service_tier: 'standard' } } },
      responseId: 'msg_1',
      responseModel: 'claude-sonnet-4-5-20250929',
    }
    expect(readLanguageModelResult(outcome, 99, () => 0)).toEqual({
      usage: { inputTokens: 10, outputTokens: 4 },
      responseId: 'msg_1',
      responseModel: 'claude-sonnet-4-5-20250929',
      finishReasons: ['end_turn'],
      serviceTier: 'standard',
    })
  })

  it('takes the unified finish reason without a raw one', () => {
    const outcome = { usage, finishReason: { unified: 'stop' }, providerMetadata: undefined, responseId: undefined, responseModel: undefined }
    expect(readLanguageModelResult(outcome, 0, () => 0).finishReasons).toEqual(['stop'])
  })

  it('estimates from the input estimate and the generated text without usage', () => {
    const outcome = { usage: undefined, finishReason: undefined, providerMetadata: undefined, responseId: 'r', responseModel: undefined }
    expect(readLanguageModelResult(outcome, 12, () => 40)).toEqual({ responseId: 'r', usage: { inputTokens: 12, outputTokens: 10 }, estimated: true })
  })
})
