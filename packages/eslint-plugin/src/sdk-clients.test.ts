import { describe, expect, it } from 'vitest'
import { clientClassesByName, sdkModules, wrapperModules } from './sdk-clients.js'

describe('sdk client tables', () => {
  it('maps each SDK default export to its main client class', () => {
    expect(sdkModules.get('openai')?.get('default')?.name).toBe('OpenAI')
    expect(sdkModules.get('@anthropic-ai/sdk')?.get('default')?.name).toBe('Anthropic')
  })

  it('sends every client class to a wrapper module that exists', () => {
    for (const exports of [...sdkModules.values(), clientClassesByName]) {
      for (const client of exports.values()) expect(wrapperModules.has(client.wrapperModule)).toBe(true)
    }
  })

  it('wraps Azure clients with the OpenAI adapter', () => {
    expect(clientClassesByName.get('AzureOpenAI')?.wrapperModule).toBe('@finops-ai/openai')
  })
})
