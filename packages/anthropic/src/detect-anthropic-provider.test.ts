import Anthropic from '@anthropic-ai/sdk'
import { describe, expect, it } from 'vitest'
import { detectAnthropicProvider } from './detect-anthropic-provider.js'

describe('detectAnthropicProvider', () => {
  it('reads a real client as anthropic with its server', () => {
    expect(detectAnthropicProvider(new Anthropic({ apiKey: 'k' }))).toEqual({
      provider: 'anthropic',
      server: { address: 'api.anthropic.com', port: 443 },
    })
  })

  it('detects the Bedrock and Vertex client classes', () => {
    class AnthropicBedrock {
      baseURL = 'https://bedrock-runtime.us-east-1.amazonaws.com'
    }
    class AnthropicVertex {
      baseURL = 'https://us-east5-aiplatform.googleapis.com/v1'
    }
    expect(detectAnthropicProvider(new AnthropicBedrock()).provider).toBe('aws.bedrock')
    expect(detectAnthropicProvider(new AnthropicVertex()).provider).toBe('gcp.vertex_ai')
  })

  it("takes the SDK's own provider name of another platform client", () => {
    expect(detectAnthropicProvider({ _genAIProviderName: 'azure.ai.inference', baseURL: 'http://127.0.0.1:9' })).toEqual({
      provider: 'azure.ai.inference',
      server: { address: '127.0.0.1', port: 9 },
    })
  })

  it('falls back to anthropic without a server for an unparsable base URL', () => {
    expect(detectAnthropicProvider({ baseURL: 'nope' })).toEqual({ provider: 'anthropic' })
  })
})
