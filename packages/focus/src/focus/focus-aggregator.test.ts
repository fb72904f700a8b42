import { createPriceBook } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { createFocusAggregator, toFocusRows } from './focus-aggregator.js'
import { FOCUS_COLUMN_NAMES } from './focus-columns.js'
import { fixturePrices, fixtureRecords, usageRecord, usdCost } from './usage-record-fixture.js'
import { validateFocusRows } from './validate-focus-rows.js'

const priceBook = createPriceBook({ overrides: fixturePrices })
const tags = '{"feature":"rag","team":"support"}'
const pick = (row: Record<string, unknown>, columns: string[]) => Object.fromEntries(columns.map((column) => [column, row[column]]))
const money = ['x_Meter', 'ListUnitPrice', 'PricingQuantity', 'ListCost', 'BilledCost', 'ConsumedQuantity', 'Tags', 'x_ServiceTier', 'x_CallCount', 'ChargePeriodStart']

describe('toFocusRows', () => {
  it('produces one row per day × provider × model × meter × price × tags, equal to hand-computed rows', () => {
    const rows = toFocusRows(fixtureRecords, { granularity: 'day', priceBook })
    const day1 = '2026-11-28T00:00:00Z'
    const day2 = '2026-11-29T00:00:00Z'
    expect(rows.map((row) => pick(row, money))).toEqual([
      { x_Meter: 'input', ListUnitPrice: '1.25', PricingQuantity: '0.000333', ListCost: '0.00041625', BilledCost: '0.00041625', ConsumedQuantity: '333', Tags: null, x_ServiceTier: 'batch', x_CallCount: 1, ChargePeriodStart: day1 },
      { x_Meter: 'input', ListUnitPrice: '2.5', PricingQuantity: '0.0018', ListCost: '0.0045', BilledCost: '0.0045', ConsumedQuantity: '1800', Tags: tags, x_ServiceTier: null, x_CallCount: 2, ChargePeriodStart: day1 },
      { x_Meter: 'cached-input', ListUnitPrice: '1.25', PricingQuantity: '0.0002', ListCost: '0.00025', BilledCost: '0.00025', ConsumedQuantity: '200', Tags: tags, x_ServiceTier: null, x_CallCount: 1, ChargePeriodStart: day1 },
      { x_Meter: 'output', ListUnitPrice: '5', PricingQuantity: '0.000007', ListCost: '0.000035', BilledCost: '0.000035', ConsumedQuantity: '7', Tags: null, x_ServiceTier: 'batch', x_CallCount: 1, ChargePeriodStart: day1 },
      { x_Meter: 'output', ListUnitPrice: '10', PricingQuantity: '0.00045', ListCost: '0.0045', BilledCost: '0.0045', ConsumedQuantity: '450', Tags: tags, x_ServiceTier: null, x_CallCount: 2, ChargePeriodStart: day1 },
      { x_Meter: 'input', ListUnitPrice: '2.5', PricingQuantity: '1.000001', ListCost: '2.5000025', BilledCost: '2.5000025', ConsumedQuantity: '1000001', Tags: tags, x_ServiceTier: null, x_CallCount: 1, ChargePeriodStart: day2 },
      { x_Meter: 'output', ListUnitPrice: '10', PricingQuantity: '0.000001', ListCost: '0.00001', BilledCost: '0.00001', ConsumedQuantity: '1', Tags: tags, x_ServiceTier: null, x_CallCount: 1, ChargePeriodStart: day2 },
    ])
  })

  it('fills every FOCUS column of a row, with real nulls where there is no value', () => {
    const row = toFocusRows(fixtureRecords, { priceBook })[4]!
    expect(Object.keys(row)).toEqual(FOCUS_COLUMN_NAMES)
    expect(row).toEqual({
      BilledCost: '0.0045',
      BillingAccountId: 'openai',
      BillingAccountName: 'openai',
      BillingCurrency: 'USD',
      BillingPeriodEnd: '2026-12-01T00:00:00Z',
      BillingPeriodStart: '2026-11-01T00:00:00Z',
      ChargeCategory: 'Usage',
      ChargeClass: null,
      ChargeDescription: 'gpt-4o output tokens on OpenAI API',
      ChargeFrequency: 'Usage-Based',
      ChargePeriodEnd: '2026-11-29T00:00:00Z',
      ChargePeriodStart: '2026-11-28T00:00:00Z',
      ConsumedQuantity: '450',
      ConsumedUnit: 'Tokens',
      ContractedCost: '0.0045',
      ContractedUnitPrice: '10',
      EffectiveCost: '0.0045',
      HostProviderName: 'OpenAI',
      InvoiceId: null,
      InvoiceIssuerName: 'OpenAI',
      ListCost: '0.0045',
      ListUnitPrice: '10',
      PricingCategory: 'Standard',
      PricingQuantity: '0.00045',
      PricingUnit: '1000000 Tokens',
      ProviderName: 'OpenAI',
      PublisherName: 'OpenAI',
      RegionId: null,
      RegionName: null,
      ResourceId: null,
      ResourceName: null,
      ResourceType: null,
      ServiceCategory: 'AI and Machine Learning',
      ServiceName: 'OpenAI API',
      ServiceProviderName: 'OpenAI',
      ServiceSubcategory: 'Generative AI',
      SkuId: 'openai/gpt-4o/output',
      SkuMeter: 'Output Tokens',
      SkuPriceDetails: null,
      SkuPriceId: 'openai/gpt-4o/output@10',
      SubAccountId: null,
      SubAccountName: null,
      Tags: tags,
      x_Provider: 'openai',
      x_Model: 'gpt-4o',
      x_Meter: 'output',
      x_ServiceTier: null,
      x_PriceSource: 'override',
      x_Unallocated: false,
      x_CallCount: 2,
      x_EstimatedCallCount: 1,
      x_FailedCallCount: 0,
      x_ReasoningTokens: 50,
      x_AudioTokens: 0,
    })
  })

  it('counts denied, unpriced and mismatching records instead of dropping them silently', () => {
    const aggregator = createFocusAggregator({ priceBook })
    for (const record of fixtureRecords) aggregator.add(record)
    aggregator.add(usageRecord({ startTime: '2026-11-28T12:00:00.000Z', usage: { inputTokens: 10, outputTokens: 0 }, cost: usdCost(1) }))
    expect(aggregator.stats).toEqual({ records: 7, denied: 1, cacheHits: 0, unpriced: 1, costMismatches: 1 })
  })

  it('bills no row for a response-cache hit: the provider charged nothing, whatever usage it replayed', () => {
    const hit = usageRecord({
      startTime: '2026-11-28T09:20:00.000Z',
      attribution: { team: 'support', feature: 'rag' },
      usage: { inputTokens: 1200, cacheReadTokens: 200, outputTokens: 300 },
      cost: usdCost(0),
      cacheHit: { costAvoided: usdCost(5_750_000) },
    })
    const aggregator = createFocusAggregator({ priceBook })
    for (const record of [...fixtureRecords, hit]) aggregator.add(record)
    expect(aggregator.rows()).toEqual(toFocusRows(fixtureRecords, { priceBook }))
    expect(aggregator.stats).toEqual({ records: 7, denied: 1, cacheHits: 1, unpriced: 1, costMismatches: 0 })
  })

  it('splits hours with granularity hour and keeps end users out of Tags unless asked', () => {
    const hourly = toFocusRows(fixtureRecords.slice(0, 2), { granularity: 'hour', priceBook })
    expect(new Set(hourly.map((row) => row.ChargePeriodStart))).toEqual(new Set(['2026-11-28T09:00:00Z', '2026-11-28T17:00:00Z']))
    expect(hourly[0]!.ChargePeriodEnd).toBe('2026-11-28T10:00:00Z')
    const byUser = toFocusRows(fixtureRecords.slice(0, 2), { priceBook, tagKeys: ['team', 'user'] })
    expect(new Set(byUser.map((row) => row.Tags))).toEqual(new Set(['{"team":"support","user":"u1"}', '{"team":"support","user":"u2"}']))
  })

  it('keeps ListCost exact while BilledCost is what the engine charged, rounded per call to the nano', () => {
    const book = createPriceBook({ overrides: { tiny: { input: 0.01875, output: 0 } } })
    const record = usageRecord({ startTime: '2026-11-28T00:00:00.000Z', model: 'tiny', usage: { inputTokens: 1, outputTokens: 0 }, cost: usdCost(19) })
    const [row] = toFocusRows([record, record], { priceBook: book })
    expect(pick(row!, ['ListUnitPrice', 'PricingQuantity', 'ListCost', 'BilledCost'])).toEqual({
      ListUnitPrice: '0.01875', PricingQuantity: '0.000002', ListCost: '0.0000000375', BilledCost: '0.000000038',
    })
  })

  it('reproduces the bundled price of a real model, cache writes and the recorded cost included', () => {
    const book = createPriceBook()
    const usage = { inputTokens: 5000, cacheReadTokens: 1000, cacheWriteTokens: 2000, outputTokens: 400 }
    const cost = book.resolve('anthropic', 'claude-sonnet-4-5', new Date('2026-11-28T00:00:00Z'))!.cost(usage)
    const aggregator = createFocusAggregator({ priceBook: book })
    aggregator.add(usageRecord({ startTime: '2026-11-28T08:00:00.000Z', provider: 'anthropic', model: 'claude-sonnet-4-5', usage, cost: usdCost(cost.totalNanos) }))
    const rows = aggregator.rows()
    expect(rows.map((row) => row.x_Meter)).toEqual(['input', 'cached-input', 'cache-write', 'output'])
    expect(aggregator.stats.costMismatches).toBe(0)
    const billed = rows.reduce((sum, row) => sum + Math.round(Number(row.BilledCost) * 1e9), 0)
    expect(billed).toBe(cost.totalNanos)
    expect(validateFocusRows(rows)).toEqual({ valid: true, issues: [] })
  })
})
