import { describe, expect, it } from 'vitest'
import { aiSdkProviderModules } from './ai-sdk-providers.js'

describe('AI SDK provider table', () => {
  it('names the default provider and the factory of each package', () => {
    expect(aiSdkProviderModules.get('@ai-sdk/openai')).toMatchObject({ instance: 'openai', factory: 'createOpenAI' })
    expect(aiSdkProviderModules.get('@ai-sdk/anthropic')).toMatchObject({ instance: 'anthropic', factory: 'createAnthropic' })
  })

  it('lists only methods returning a language or embedding model, which withFinOps wraps', () => {
    const openai = aiSdkProviderModules.get('@ai-sdk/openai')?.provider.modelMethods
    expect(openai?.has('responses')).toBe(true)
    expect(openai?.has('embedding')).toBe(true)
    for (const other of ['image', 'speech', 'transcription', 'tools']) expect(openai?.has(other)).toBe(false)
  })
})
