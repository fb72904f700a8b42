import { describe, expect, it } from 'vitest'
import { genAiSpans, isGenAiSpan } from './gen-ai-spans.js'

const chat = { name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat' } }
const http = { name: 'POST', attributes: { 'http.request.method': 'POST' } }

describe('genAiSpans', () => {
  it('keeps only spans that carry gen_ai.operation.name, in order', () => {
    const embeddings = { name: 'embeddings m', attributes: { 'gen_ai.operation.name': 'embeddings' } }
    expect(genAiSpans([http, chat, http, embeddings])).toEqual([chat, embeddings])
  })

  it('recognises a GenAI span by its operation attribute, not its name', () => {
    expect(isGenAiSpan(chat)).toBe(true)
    expect(isGenAiSpan({ name: 'chat gpt-4o', attributes: {} })).toBe(false)
  })
})
