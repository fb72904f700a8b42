import { diag, DiagLogLevel } from '@opentelemetry/api'
import { afterEach, describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { createCurrency } from '../money/currency.js'
import { createPriceBook } from '../prices/create-price-book.js'
import { priceDataFrom } from '../prices/price-data.js'
import { CallPricing, type CallPricingOptions } from './call-pricing.js'
import type { FinOpsEvent } from './finops-event.js'

const now = Date.parse('2026-12-02T12:00:00Z')

function pricing(overrides: Partial<CallPricingOptions> = {}): { pricing: CallPricing; events: FinOpsEvent[] } {
  const events: FinOpsEvent[] = []
  const instance = new CallPricing({
    prices: createPriceBook(),
    unknownPrice: undefined,
    serviceTiers: undefined,
    currency: createCurrency(),
    costLimitedPolicies: () => [],
    emit: (event) => events.push(event),
    clock: () => now,
    ...overrides,
  })
  return { pricing: instance, events }
}

function captureWarnings(): string[] {
  const warnings: string[] = []
  const record = (message: string) => warnings.push(message)
  diag.setLogger({ error: record, warn: record, info: () => {}, debug: () => {}, verbose: () => {} }, DiagLogLevel.WARN)
  return warnings
}

afterEach(() => diag.disable())

describe('CallPricing', () => {
  it('reports an unknown model once: one event and one diag warning', () => {
    const warnings = captureWarnings()
    const { pricing: instance, events } = pricing()
    expect(instance.priceOf('openai', 'prod-gpt4o-eastus')).toBeNull()
    expect(instance.priceOf('openai', 'prod-gpt4o-eastus')).toBeNull()
    expect(events.filter((event) => event.type === 'unknown_price')).toHaveLength(1)
    expect(warnings.filter((warning) => warning.includes('prod-gpt4o-eastus'))).toHaveLength(1)
  })

  it('keeps reporting new unknown models after the first 1,000, with bounded memory', () => {
    const { pricing: instance, events } = pricing()
    for (let index = 0; index < 1_500; index++) instance.priceOf('openai', `deployment-${index}`)
    expect(events.filter((event) => event.type === 'unknown_price')).toHaveLength(1_500)
    instance.priceOf('openai', 'deployment-1499')
    expect(events).toHaveLength(1_500)
    instance.priceOf('openai', 'deployment-0')
    expect(events).toHaveLength(1_501)
  })

  it('reports a sibling priced by a prefix rule once, naming the model used', () => {
    const { pricing: instance, events } = pricing()
    expect(instance.priceOf('anthropic', 'claude-sonnet-5-5')?.source).toBe('genai-prices:approximate')
    instance.priceOf('anthropic', 'claude-sonnet-5-5')
    expect(events).toEqual([expect.objectContaining({ type: 'approximate_price', provider: 'anthropic', model: 'claude-sonnet-5-5', pricedAs: 'anthropic/claude-sonnet-5' })])
  })

  it('denies an unpriced call under a cost limit by default, and only then', () => {
    const limited = pricing({ costLimitedPolicies: (attribution) => (attribution.team === 'search' ? ['search-budget'] : []) }).pricing
    const denial = limited.denial('openai', 'mystery', { team: 'search' })
    expect(ConfigError.isInstance(denial) && denial.path).toBe('prices["mystery"]')
    expect(denial?.message).toContain("policy 'search-budget'")
    expect(limited.denial('openai', 'mystery', { team: 'other' })).toBeUndefined()
  })

  it("follows unknownPrice: 'allow' passes, 'block' denies every unpriced call", () => {
    const costLimitedPolicies = () => ['budget']
    expect(pricing({ unknownPrice: 'allow', costLimitedPolicies }).pricing.denial('openai', 'mystery', {})).toBeUndefined()
    expect(pricing({ unknownPrice: 'block' }).pricing.denial('openai', 'mystery', {})?.message).toContain("unknownPrice is 'block'")
  })

  it('charges an unknown model at the stated fallback price', () => {
    const { pricing: instance, events } = pricing({ unknownPrice: { fallback: { input: 10, output: 30 } } })
    const price = instance.priceOf('openai', 'mystery')
    expect(price?.source).toBe('fallback')
    // 1000 × 10k + 100 × 30k
    expect(price?.cost({ inputTokens: 1000, outputTokens: 100 }).totalNanos).toBe(13_000_000)
    expect(events.map((event) => event.type)).toEqual(['unknown_price'])
    expect(instance.denial('openai', 'mystery', {})).toBeUndefined()
  })

  it('prices an unknown requested name by the model the response reports', () => {
    const { pricing: instance } = pricing()
    const served = instance.byResponseModel(null, 'azure.ai.openai', 'gpt-4o-2024-08-06')
    expect(served?.model).toBe('gpt-4o-2024-08-06')
    expect(instance.byResponseModel(null, 'azure.ai.openai', 'no-such-model')).toBeNull()
    const known = instance.priceOf('openai', 'gpt-4o')
    expect(instance.byResponseModel(known, 'openai', 'gpt-4o-2024-08-06')).toBe(known)
  })

  it('rejects an invalid unknownPrice at its path', () => {
    expect(() => pricing({ unknownPrice: 'sometimes' as never })).toThrow(ConfigError)
    let error: unknown
    try {
      pricing({ unknownPrice: { fallback: { input: -1, output: 1 } } })
    } catch (thrown) {
      error = thrown
    }
    expect(ConfigError.isInstance(error) && error.path).toBe('unknownPrice.fallback.input')
  })

  it('warns once per process when the price data is older than 90 days', () => {
    const warnings = captureWarnings()
    const old = createPriceBook({ data: priceDataFrom([], '2026-08-01') })
    pricing({ prices: old })
    pricing({ prices: old })
    expect(warnings.filter((warning) => warning.includes('price data is from 2026-08-01'))).toHaveLength(1)
    pricing({ prices: createPriceBook({ data: priceDataFrom([], '2026-11-01') }) })
    expect(warnings.filter((warning) => warning.includes('2026-11-01'))).toHaveLength(0)
  })
})
