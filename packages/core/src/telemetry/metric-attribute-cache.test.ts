import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import { MetricAttributeCache, MetricAttributeSet } from './metric-attribute-cache.js'
import { metricAttributes, type MetricLabels } from './metric-attributes.js'

const request: CallRequest = {
  provider: 'openai',
  operation: 'chat',
  model: 'gpt-4o',
  stream: false,
  estimatedInputTokens: 1,
  server: { address: 'api.openai.com', port: 443 },
}
const labels = (overrides: Partial<MetricLabels> = {}): MetricLabels => ({ request, model: 'gpt-4o', attribution: { team: 'support' }, ...overrides })

describe('MetricAttributeCache', () => {
  it('returns the same frozen attributes for the same labels', () => {
    const cache = new MetricAttributeCache()
    const first = cache.get(labels({ responseModel: 'gpt-4o-2024-08-06' }))
    const again = cache.get(labels({ responseModel: 'gpt-4o-2024-08-06' }))
    expect(again).toBe(first)
    expect(Object.isFrozen(first.call)).toBe(true)
    expect(first.call).toEqual(metricAttributes(labels({ responseModel: 'gpt-4o-2024-08-06' })))
  })

  it('keeps label combinations apart, also when values could be concatenated alike', () => {
    const cache = new MetricAttributeCache()
    const a = cache.get(labels({ model: 'a', attribution: { team: 'bc' } }))
    const b = cache.get(labels({ model: 'ab', attribution: { team: 'c' } }))
    const withError = cache.get(labels({ errorType: '500' }))
    const withoutError = cache.get(labels())
    expect(a).not.toBe(b)
    expect(withError).not.toBe(withoutError)
    expect(withError.call['error.type']).toBe('500')
    expect(withoutError.call).not.toHaveProperty('error.type')
  })

  it('returns the last set again for equal labels of another call, and a new one when a label differs', () => {
    const cache = new MetricAttributeCache()
    const first = cache.get(labels({ attribution: { team: 'a', user: 'u1' } }))
    expect(cache.get({ ...labels({ attribution: { team: 'a', user: 'u2' } }), request: { ...request } })).toBe(first)
    expect(cache.get(labels({ attribution: { team: 'b' } }))).not.toBe(first)
    expect(cache.get(labels({ request: { ...request, server: { address: 'api.openai.com', port: 8443 } } })).call['server.port']).toBe(8443)
  })

  it('holds at most its bound, forgetting the oldest combination', () => {
    const cache = new MetricAttributeCache(2)
    const first = cache.get(labels({ model: 'm1' }))
    const second = cache.get(labels({ model: 'm2' }))
    cache.get(labels({ model: 'm3' }))
    expect(cache.get(labels({ model: 'm2' }))).toBe(second)
    expect(cache.get(labels({ model: 'm1' }))).not.toBe(first)
  })
})

describe('MetricAttributeSet', () => {
  it('adds the token type, the unknown modality or the cost currency to the call attributes, once each', () => {
    const set = new MetricAttributeSet({ 'team.name': 'a' })
    expect(set.tokenType('input')).toEqual({ 'team.name': 'a', 'gen_ai.token.type': 'input' })
    expect(set.tokenType('output')).toEqual({ 'team.name': 'a', 'gen_ai.token.type': 'output' })
    expect(set.tokenType('input')).toBe(set.tokenType('input'))
    expect(set.unknownModality()).toEqual({ 'team.name': 'a', 'gen_ai.token.modality': 'unknown' })
    expect(set.withCurrency('EUR')).toEqual({ 'team.name': 'a', 'finops.cost.currency': 'EUR' })
    expect(set.withCurrency('EUR')).toBe(set.withCurrency('EUR'))
    expect(set.withCurrency('USD')).toEqual({ 'team.name': 'a', 'finops.cost.currency': 'USD' })
    expect(set.call).toEqual({ 'team.name': 'a' })
  })
})
