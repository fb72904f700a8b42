import { describe, expect, it } from 'vitest'
import { readDecisionsRequest } from './read-decisions-request.js'

describe('readDecisionsRequest', () => {
  it('estimates the input and the question instructions', () => {
    const body = { model: 'gpt-4o-mini', input: 'abcdefgh', questions: [{ type: 'predicate', instructions: 'abcd' }] }
    expect(readDecisionsRequest(body)).toEqual({ operation: 'chat', model: 'gpt-4o-mini', stream: false, estimatedInputTokens: 3 })
  })
})
