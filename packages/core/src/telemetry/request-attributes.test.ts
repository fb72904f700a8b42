import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { addRequestAttributes, samplingAttributes } from './request-attributes.js'

const minimal: CallRequest = { provider: 'anthropic', operation: 'chat', model: 'claude-sonnet-4-5', stream: false, estimatedInputTokens: 10 }

describe('samplingAttributes', () => {
  it('holds operation, provider, model and the server when known', () => {
    expect(samplingAttributes(minimal)).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'anthropic',
      'gen_ai.request.model': 'claude-sonnet-4-5',
    })
    expect(samplingAttributes({ ...minimal, server: { address: 'api.anthropic.com' } })).toMatchObject({
      'server.address': 'api.anthropic.com',
    })
    expect(samplingAttributes({ ...minimal, server: { address: 'api.anthropic.com' } })).not.toHaveProperty('server.port')
  })
})

describe('addRequestAttributes', () => {
  it('adds only the parameters that were set', () => {
    expect(addRequestAttributes({}, minimal, { values: {}, missing: [] })).toEqual({})
  })

  it('adds embeddings parameters, the stream flag and top_k', () => {
    const request: CallRequest = {
      ...minimal,
      operation: 'embeddings',
      stream: true,
      maxOutputTokens: 0,
      parameters: { encodingFormats: ['float'], dimensionCount: 256, topK: 40, frequencyPenalty: 0.1, presencePenalty: 0.2, choiceCount: 1 },
    }
    expect(addRequestAttributes({}, request, { values: {}, missing: [] })).toEqual({
      'gen_ai.request.stream': true,
      'gen_ai.request.encoding_formats': ['float'],
      'gen_ai.embeddings.dimension.count': 256,
      'gen_ai.request.top_k': 40,
      'gen_ai.request.frequency_penalty': 0.1,
      'gen_ai.request.presence_penalty': 0.2,
    })
  })

  it('records the service tier under openai.* for OpenAI only, and not for auto', () => {
    expect(addRequestAttributes({}, { ...minimal, serviceTier: 'priority' }, { values: {}, missing: [] })).toEqual({})
    expect(addRequestAttributes({}, { ...minimal, provider: 'openai', serviceTier: 'auto' }, { values: {}, missing: [] })).toEqual({})
    expect(addRequestAttributes({}, { ...minimal, provider: 'openai', serviceTier: 'flex' }, { values: {}, missing: [] })).toEqual({
      'openai.request.service_tier': 'flex',
    })
  })

  it('adds attribution attributes and flags missing attribution', () => {
    expect(addRequestAttributes({}, minimal, { values: { user: 'u-1', tenant: 'acme' }, missing: ['team'] })).toEqual({
      'enduser.id': 'u-1',
      'finops.attribution.tenant': 'acme',
      'finops.attribution.missing': true,
    })
  })
})
