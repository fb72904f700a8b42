import OpenAI, { AzureOpenAI } from 'openai'
import { describe, expect, it } from 'vitest'
import { detectProvider } from './detect-provider.js'

describe('detectProvider', () => {
  it.each([
    ['https://api.openai.com/v1', 'openai'],
    ['https://my-resource.openai.azure.com/openai', 'azure.ai.openai'],
    ['https://my-resource.cognitiveservices.azure.com/openai', 'azure.ai.openai'],
    ['https://my-project.services.ai.azure.com/models', 'azure.ai.inference'],
    ['https://bedrock-runtime.us-west-2.amazonaws.com/openai/v1', 'aws.bedrock'],
    ['https://bedrock-mantle.us-east-1.api.aws/openai/v1', 'aws.bedrock'],
    ['https://us-central1-aiplatform.googleapis.com/v1/projects/p/locations/us-central1/endpoints/openapi', 'gcp.vertex_ai'],
    ['https://generativelanguage.googleapis.com/v1beta/openai/', 'gcp.gemini'],
    ['https://api.groq.com/openai/v1', 'groq'],
    ['https://api.deepseek.com', 'deepseek'],
    ['https://api.x.ai/v1', 'x_ai'],
    ['https://api.mistral.ai/v1', 'mistral_ai'],
    ['https://api.perplexity.ai', 'perplexity'],
    ['https://api.cohere.ai/compatibility/v1', 'cohere'],
    ['http://localhost:8080/v1', 'openai'],
  ])('detects %s as %s', (baseURL, provider) => {
    expect(detectProvider({ baseURL }).provider).toBe(provider)
  })

  it('reads server address and port, defaulting the port from the scheme', () => {
    expect(detectProvider({ baseURL: 'https://api.openai.com/v1' }).server).toEqual({ address: 'api.openai.com', port: 443 })
    expect(detectProvider({ baseURL: 'http://127.0.0.1:4010/v1' }).server).toEqual({ address: '127.0.0.1', port: 4010 })
  })

  it('detects Azure from the AzureOpenAI class whatever its base URL', () => {
    const client = new AzureOpenAI({ baseURL: 'https://gateway.example.com/openai', apiKey: 'k', apiVersion: '2024-10-21' })
    expect(detectProvider(client).provider).toBe('azure.ai.openai')
  })

  it('reads a real client base URL', () => {
    expect(detectProvider(new OpenAI({ apiKey: 'k', baseURL: 'https://api.groq.com/openai/v1' }))).toEqual({
      provider: 'groq',
      server: { address: 'api.groq.com', port: 443 },
    })
  })

  it('falls back to openai without a server for an unparsable base URL', () => {
    expect(detectProvider({ baseURL: 'not a url' })).toEqual({ provider: 'openai' })
  })
})
