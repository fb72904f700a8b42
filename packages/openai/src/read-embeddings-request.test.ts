import { describe, expect, it } from 'vitest'
import { readEmbeddingsRequest } from './read-embeddings-request.js'
import { readCompletionsRequest } from './read-completions-request.js'

describe('readEmbeddingsRequest', () => {
  it('reads an embeddings call with no output tokens and its encoding format', () => {
    expect(readEmbeddingsRequest({ model: 'text-embedding-3-small', input: ['abcd', 'abcd'], encoding_format: 'base64' })).toEqual({
      operation: 'embeddings',
      model: 'text-embedding-3-small',
      stream: false,
      maxOutputTokens: 0,
      estimatedInputTokens: 2,
      parameters: { encodingFormats: ['base64'] },
    })
  })
})

describe('readCompletionsRequest', () => {
  it('reads a legacy completion as text_completion, token-id prompts included', () => {
    expect(readCompletionsRequest({ model: 'gpt-3.5-turbo-instruct', prompt: [1, 2, 3], max_tokens: 8, stream: true })).toEqual({
      operation: 'text_completion',
      model: 'gpt-3.5-turbo-instruct',
      stream: true,
      maxOutputTokens: 8,
      estimatedInputTokens: 3,
      outputType: 'text',
    })
  })
})
