import { describe, expect, it } from 'vitest'
import { langChainBuilderModules, langChainBuilders, langChainModules } from './langchain-models.js'

describe('LangChain model table', () => {
  it('maps each model class to its @finops-ai/langchain helper and the subpath exporting it', () => {
    expect(langChainModules.get('@langchain/openai')?.get('AzureChatOpenAI')).toEqual({
      name: 'AzureChatOpenAI',
      builder: 'finopsAzureChatOpenAI',
      builderModule: '@finops-ai/langchain/openai',
    })
    expect(langChainModules.get('@langchain/anthropic')?.get('ChatAnthropic')?.builderModule).toBe('@finops-ai/langchain/anthropic')
  })

  it('imports every helper from a module that exports it', () => {
    for (const models of langChainModules.values()) {
      for (const model of models.values()) expect(langChainBuilderModules.has(model.builderModule)).toBe(true)
    }
    expect([...langChainBuilders].sort()).toEqual([
      'finopsAzureChatOpenAI',
      'finopsAzureOpenAIEmbeddings',
      'finopsChatAnthropic',
      'finopsChatOpenAI',
      'finopsOpenAIEmbeddings',
    ])
  })
})
