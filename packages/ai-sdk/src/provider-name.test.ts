import { describe, expect, it } from 'vitest'
import { providerName } from './provider-name.js'

describe('providerName', () => {
  it.each([
    ['openai.responses', 'openai'],
    ['openai.chat', 'openai'],
    ['openai.completion', 'openai'],
    ['openai.embedding', 'openai'],
    ['anthropic.messages', 'anthropic'],
    ['azure.chat', 'azure.ai.openai'],
    ['azure.responses', 'azure.ai.openai'],
    ['amazon-bedrock', 'aws.bedrock'],
    ['bedrock.anthropic.messages', 'aws.bedrock'],
    ['google.vertex.chat', 'gcp.vertex_ai'],
    ['vertex.anthropic.messages', 'gcp.vertex_ai'],
    ['google.generative-ai', 'gcp.gemini'],
    ['mistral.chat', 'mistral_ai'],
    ['xai.chat', 'x_ai'],
    ['groq.chat', 'groq'],
    ['deepseek.chat', 'deepseek'],
  ])('names %s as %s', (id, name) => {
    expect(providerName(id)).toBe(name)
  })

  it('passes other providers through up to their first dot', () => {
    expect(providerName('lmstudio.chat')).toBe('lmstudio')
    expect(providerName('gateway')).toBe('gateway')
  })
})
