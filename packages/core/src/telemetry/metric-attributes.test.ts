import { describe, expect, it } from 'vitest'
import { metricAttributes } from './metric-attributes.js'

describe('metricAttributes', () => {
  it('keeps to the allow-list: no enduser.id, no custom attribution keys', () => {
    expect(
      metricAttributes({
        request: {
          provider: 'openai',
          operation: 'embeddings',
          model: 'text-embedding-3-small',
          stream: false,
          estimatedInputTokens: 1,
          server: { address: 'api.openai.com', port: 443 },
        },
        model: 'text-embedding-3-small',
        attribution: { user: 'k.herings', team: 'search', feature: 'rag', costCenter: 'CC-1', run: 'r-42' },
        responseModel: 'text-embedding-3-small',
        errorType: '500',
      }),
    ).toEqual({
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'text-embedding-3-small',
      'gen_ai.response.model': 'text-embedding-3-small',
      'server.address': 'api.openai.com',
      'server.port': 443,
      'error.type': '500',
      'team.name': 'search',
      'feature.name': 'rag',
      cost_center: 'CC-1',
    })
  })

  it('labels with the model sent, not the one requested', () => {
    const attributes = metricAttributes({
      request: { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 1 },
      model: 'gpt-4o-mini',
      attribution: {},
    })
    expect(attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
    })
  })

  it('names the bounded attribution keys under finops.attribution.* when namespaced', () => {
    const attributes = metricAttributes(
      {
        request: { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 1 },
        model: 'gpt-4o',
        attribution: { user: 'u', team: 'support', feature: 'rag', costCenter: 'CC-1', run: 'r' },
      },
      'namespaced',
    )
    expect(attributes).toMatchObject({ 'finops.attribution.team': 'support', 'finops.attribution.feature': 'rag', 'finops.attribution.cost_center': 'CC-1' })
    expect(Object.keys(attributes).filter((name) => name.includes('run') || name === 'enduser.id' || name === 'team.name')).toEqual([])
  })

  it('carries the service tier the provider reported for openai only', () => {
    const labels = (provider: string) => ({
      request: { provider, operation: 'chat' as const, model: 'gpt-4o', stream: false, estimatedInputTokens: 1 },
      model: 'gpt-4o',
      attribution: {},
      serviceTier: 'flex',
    })
    expect(metricAttributes(labels('openai'))['openai.response.service_tier']).toBe('flex')
    expect(metricAttributes(labels('azure.ai.openai'))).not.toHaveProperty('openai.response.service_tier')
  })
})
