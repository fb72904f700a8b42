import { fakeProvider, type FakeProvider, type OrganizationUsageRow } from '@finops-ai/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { centsToNanos, readAnthropicReport } from './read-anthropic-report.js'
import { reconcile } from './reconcile.js'

// claude-haiku-4-5, Anthropic's published price (anthropic.com/pricing, read 2026-12-02):
// $1 per million input tokens, $5 per million output tokens.
let provider: FakeProvider
const adminKey = 'sk-ant-admin01-secret'
const workspace = { projectId: 'wrkspc_app', apiKeyId: 'apikey_app' }
const rows: OrganizationUsageRow[] = [
  { provider: 'anthropic', day: '2026-11-02', model: 'claude-haiku-4-5-20251001', ...workspace, serviceTier: 'standard', inputTokens: 2000, cachedInputTokens: 500, cacheWriteTokens: 100, outputTokens: 200, requests: 2, inputCostUsd: 0.002, outputCostUsd: 0.001 },
  { provider: 'anthropic', day: '2026-11-02', model: 'claude-haiku-4-5-20251001', ...workspace, serviceTier: 'priority', inputTokens: 1000, outputTokens: 100, requests: 1, inputCostUsd: 0.002, outputCostUsd: 0.001 },
  { provider: 'anthropic', day: '2026-11-03', model: 'claude-haiku-4-5-20251001', ...workspace, serviceTier: 'standard', inputTokens: 1000, outputTokens: 100, requests: 1, inputCostUsd: 0.001, outputCostUsd: 0.0005 },
]
const ledger = [
  ...[0, 1].map((index) => usageRecord({ id: `a${index}`, startTime: '2026-11-02T10:00:00.000Z', provider: 'anthropic', model: 'claude-haiku-4-5', usage: { inputTokens: 1000, cacheReadTokens: 250, cacheWriteTokens: 50, outputTokens: 100 }, cost: usdCost(1_500_000) })),
  ...[0, 1].map((index) => usageRecord({ id: `b${index}`, startTime: '2026-11-03T03:00:00.000Z', provider: 'anthropic', model: 'claude-haiku-4-5', usage: { inputTokens: 1000, outputTokens: 100 }, cost: usdCost(1_500_000) })),
]

beforeAll(async () => {
  provider = await fakeProvider()
  provider.setOrganizationUsage({ rows, refreshedAt: '2026-11-03T06:00:00Z' })
})
afterAll(() => provider.close())

describe('readAnthropicReport', () => {
  it('reads usage and cost by workspace, key, model and tier, in 31-day windows, complete through data_refreshed_at', async () => {
    provider.reset()
    provider.setOrganizationUsage({ rows, refreshedAt: '2026-11-03T06:00:00Z' })
    const report = await readAnthropicReport({ from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-11-05T00:00:00Z'), adminKey, baseURL: provider.anthropicBaseURL, now: new Date('2026-11-04T00:00:00Z') })
    expect(report.completeThrough.toISOString()).toBe('2026-11-03T06:00:00.000Z')
    const keys = { model: 'claude-haiku-4-5', project: 'wrkspc_app', apiKey: 'apikey_app' }
    expect(report.rows).toEqual([
      { day: '2026-11-02', ...keys, serviceTier: 'standard', requests: 2, inputTokens: 2000, outputTokens: 200, costNanos: 0 },
      { day: '2026-11-02', ...keys, serviceTier: 'priority', requests: 1, inputTokens: 1000, outputTokens: 100, costNanos: 0 },
      { day: '2026-11-03', ...keys, serviceTier: 'standard', requests: 1, inputTokens: 1000, outputTokens: 100, costNanos: 0 },
      { day: '2026-11-02', ...keys, serviceTier: 'standard', requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 3_000_000 },
      { day: '2026-11-02', ...keys, serviceTier: 'priority', requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 3_000_000 },
      { day: '2026-11-03', ...keys, serviceTier: 'standard', requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 1_500_000 },
    ])
    expect(provider.requests.map((request) => [request.path, new URL(request.url, provider.url).searchParams.get('starting_at')])).toEqual([
      ['/v1/organizations/analytics/usage', '2026-10-01T00:00:00.000Z'],
      ['/v1/organizations/analytics/cost', '2026-10-01T00:00:00.000Z'],
      ['/v1/organizations/analytics/usage', '2026-11-01T00:00:00.000Z'],
      ['/v1/organizations/analytics/cost', '2026-11-01T00:00:00.000Z'],
    ])
  })

  it('follows next_page past 1000 rows and retries a 429 after its retry-after', async () => {
    provider.reset()
    const many = Array.from({ length: 1001 }, (_, index): OrganizationUsageRow => ({ provider: 'anthropic', day: '2026-11-02', model: 'claude-haiku-4-5', apiKeyId: `apikey_${index}`, inputTokens: 1, inputCostUsd: 0.000001 }))
    provider.setOrganizationUsage({ rows: many })
    provider.failNext({ status: 429, retryAfter: 0.01 })
    const report = await readAnthropicReport({ from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z'), adminKey, baseURL: provider.anthropicBaseURL })
    expect(report.rows.reduce((total, row) => total + row.inputTokens, 0)).toBe(1001)
    expect(report.rows.reduce((total, row) => total + row.costNanos, 0)).toBe(1_001_000)
    expect(provider.requests.map((request) => [request.path.split('/').at(-1), new URL(request.url, provider.url).searchParams.get('page')])).toEqual([
      ['usage', null],
      ['usage', null],
      ['usage', 'page_1000'],
      ['cost', null],
      ['cost', 'page_1000'],
    ])
  })

  it('turns fractional cents into nano-USD exactly', () => {
    expect(centsToNanos('0.3234567')).toBe(3_234_567)
    expect(centsToNanos('150')).toBe(1_500_000_000)
    expect(centsToNanos('0.00000005')).toBe(1)
    expect(centsToNanos('-2.5')).toBe(-25_000_000)
    expect(centsToNanos('n/a')).toBeUndefined()
  })
})

describe('reconcile (Anthropic)', () => {
  it('compares per service tier and marks the day after data_refreshed_at partial', async () => {
    provider.reset()
    provider.setOrganizationUsage({ rows, refreshedAt: '2026-11-03T06:00:00Z' })
    const result = await reconcile({
      provider: 'anthropic', from: '2026-11-02', to: '2026-11-04', records: ledger, adminKey, baseURL: provider.anthropicBaseURL, byServiceTier: true,
      ledger: { project: 'wrkspc_app', apiKeyId: 'apikey_app' }, now: new Date('2026-11-04T00:00:00Z'),
    })
    expect(result.groups.map((group) => [group.day, group.serviceTier, group.final, group.verdict, group.provider.costUsd, group.ledger.costUsd])).toEqual([
      ['2026-11-02', 'priority', true, 'provider-only', 0.003, 0],
      ['2026-11-02', 'standard', true, 'within-tolerance', 0.003, 0.003],
      ['2026-11-03', 'standard', false, 'ledger-high', 0.0015, 0.003],
    ])
    expect(result.shadowSpend).toMatchObject([{ project: 'wrkspc_app', apiKey: 'apikey_app', costUsd: 0.003, inputTokens: 1000, outputTokens: 100 }])
  })
})
