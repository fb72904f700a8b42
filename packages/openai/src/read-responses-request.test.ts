import { describe, expect, it } from 'vitest'
import { readResponsesRequest } from './read-responses-request.js'

describe('readResponsesRequest', () => {
  it('reads a Responses call as the chat operation with max_output_tokens', () => {
    expect(
      readResponsesRequest({ model: 'gpt-5', instructions: 'abcd', input: [{ role: 'user', content: 'abcdefgh' }], max_output_tokens: 64, service_tier: 'priority', temperature: 1 }),
    ).toEqual({
      operation: 'chat',
      model: 'gpt-5',
      stream: false,
      maxOutputTokens: 64,
      serviceTier: 'priority',
      estimatedInputTokens: 3,
      parameters: { temperature: 1 },
    })
  })
})
