import { describe, expect, it } from 'vitest'
import type { EmbedResult } from './ai-sdk-types.js'
import { readEmbedResult } from './read-embed-result.js'

describe('readEmbedResult', () => {
  it('reads usage.tokens as input and the response model from the body', () => {
    const result: EmbedResult = { embeddings: [[0.1]], usage: { tokens: 7 }, response: { body: { model: 'text-embedding-3-small' } }, warnings: [] }
    expect(readEmbedResult(result, 99)).toEqual({ responseModel: 'text-embedding-3-small', usage: { inputTokens: 7, outputTokens: 0 } })
  })

  it('settles the input estimate, flagged, without usage', () => {
    expect(readEmbedResult({ embeddings: [[0.1]], warnings: [] }, 5)).toEqual({ usage: { inputTokens: 5, outputTokens: 0 }, estimated: true })
  })
})
