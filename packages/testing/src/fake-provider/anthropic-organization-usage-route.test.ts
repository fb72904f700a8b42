import Anthropic from '@anthropic-ai/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'
import type { OrganizationUsageRow } from './organization-usage.js'

let provider: FakeProvider
let anthropic: Anthropic

const rows: OrganizationUsageRow[] = [
  { provider: 'anthropic', day: '2026-11-02', model: 'claude-sonnet-4-5', projectId: 'wrkspc_a', apiKeyId: 'apikey_1', serviceTier: 'standard', inputTokens: 1000, cachedInputTokens: 300, cacheWriteTokens: 100, outputTokens: 80, requests: 4, inputCostUsd: 0.002, outputCostUsd: 0.001234567 },
  { provider: 'anthropic', day: '2026-11-03', model: 'claude-sonnet-4-5', projectId: 'wrkspc_a', apiKeyId: 'apikey_2', serviceTier: 'standard', inputTokens: 10, outputTokens: 1, inputCostUsd: 0.00003, outputCostUsd: 0.000015 },
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o', inputTokens: 9, inputCostUsd: 1 },
]

beforeAll(async () => {
  provider = await fakeProvider()
  provider.setOrganizationUsage({ rows, refreshedAt: '2026-11-03T06:00:00Z' })
  anthropic = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'sk-ant-admin-test' })
})
afterAll(() => provider.close())

const range = { starting_at: '2026-11-01T00:00:00Z', ending_at: '2026-11-05T00:00:00Z', time_bucket_width: '1d' } as const

describe('GET /v1/organizations/analytics/usage', () => {
  it('answers one row per daily bucket and group, with data_refreshed_at and the beta header', async () => {
    const page = await anthropic.beta.organization.analytics.usage.list({ ...range, group_by: ['workspace_id', 'model'] })
    expect(page.data_refreshed_at).toBe('2026-11-03T06:00:00Z')
    expect(page.data).toHaveLength(2)
    expect(page.data[0]).toMatchObject({
      starting_at: '2026-11-02T00:00:00.000Z',
      ending_at: '2026-11-03T00:00:00.000Z',
      group: { workspace_id: 'wrkspc_a', model: 'claude-sonnet-4-5', api_key_id: null, service_tier: null, product: null },
      usage: {
        uncached_input_tokens: 600,
        cache_read_input_tokens: 300,
        cache_creation: { ephemeral_5m_input_tokens: 100, ephemeral_1h_input_tokens: 0 },
        output_tokens: 80,
        requests: 4,
        total_tokens: 1080,
      },
    })
    expect(provider.requests.at(-1)?.headers['anthropic-beta']).toContain('analytics-usage-cost-2026-08-24')
    expect(provider.requests.at(-1)?.headers.authorization).toBe('Bearer sk-ant-admin-test')
  })

  it('pages by row through limit, page and next_page (the SDK iterator follows them)', async () => {
    const first = await anthropic.beta.organization.analytics.usage.list({ ...range, group_by: ['api_key_id'], limit: 1 })
    expect(first).toMatchObject({ has_more: true, next_page: 'page_1' })
    const items = []
    for await (const item of anthropic.beta.organization.analytics.usage.list({ ...range, group_by: ['api_key_id'], limit: 1 })) items.push(item.group.api_key_id)
    expect(items).toEqual(['apikey_1', 'apikey_2'])
  })

  it('rejects ranges longer than 31 days with a 400', async () => {
    await expect(anthropic.beta.organization.analytics.usage.list({ starting_at: '2026-10-01T00:00:00Z', ending_at: '2026-11-05T00:00:00Z' })).rejects.toMatchObject({ status: 400 })
  })
})

describe('GET /v1/organizations/analytics/cost', () => {
  it('reports cost in cents as exact decimal strings', async () => {
    const page = await anthropic.beta.organization.analytics.cost.list({ ...range, group_by: ['model', 'service_tier'] })
    expect(page.data.map((item) => [item.starting_at, item.group.model, item.group.service_tier, item.group.cost_type, item.cost])).toEqual([
      ['2026-11-02T00:00:00.000Z', 'claude-sonnet-4-5', 'standard', null, { amount: '0.3234567', list_amount: '0.3234567', currency: 'USD', requests: 4 }],
      ['2026-11-03T00:00:00.000Z', 'claude-sonnet-4-5', 'standard', null, { amount: '0.0045', list_amount: '0.0045', currency: 'USD', requests: 1 }],
    ])
  })
})
