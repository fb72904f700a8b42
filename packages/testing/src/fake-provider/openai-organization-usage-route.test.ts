import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'
import type { OrganizationUsageRow } from './organization-usage.js'

let provider: FakeProvider
let openai: OpenAI

const rows: OrganizationUsageRow[] = [
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o', projectId: 'proj_a', apiKeyId: 'key_1', inputTokens: 1000, cachedInputTokens: 200, outputTokens: 100, requests: 2, inputCostUsd: 0.00225, outputCostUsd: 0.001 },
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o', projectId: 'proj_a', apiKeyId: 'key_2', inputTokens: 500, outputTokens: 50, inputCostUsd: 0.00125, outputCostUsd: 0.0005 },
  { provider: 'openai', day: '2026-11-04', model: 'text-embedding-3-small', kind: 'embeddings', projectId: 'proj_b', inputTokens: 3000, inputCostUsd: 0.00006 },
  { provider: 'anthropic', day: '2026-11-02', model: 'claude-sonnet-4-5', inputTokens: 9, inputCostUsd: 1 },
]
const start = Date.parse('2026-11-01T00:00:00Z') / 1000
const end = Date.parse('2026-11-05T00:00:00Z') / 1000

beforeAll(async () => {
  provider = await fakeProvider()
  provider.setOrganizationUsage({ rows })
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, adminAPIKey: 'sk-admin-test', apiKey: null })
})
afterAll(() => provider.close())

describe('GET /v1/organization/usage/completions', () => {
  it('answers one bucket per UTC day, grouped by the requested fields, the others null', async () => {
    const page = await openai.admin.organization.usage.completions({ start_time: start, end_time: end, group_by: ['project_id', 'model'] })
    expect(page).toMatchObject({ object: 'page', has_more: false, next_page: null })
    expect(page.data.map((bucket) => [bucket.start_time, bucket.end_time, bucket.results.length])).toEqual([
      [start, start + 86_400, 0],
      [start + 86_400, start + 2 * 86_400, 1],
      [start + 2 * 86_400, start + 3 * 86_400, 0],
      [start + 3 * 86_400, end, 0],
    ])
    expect(page.data[1]!.results[0]).toEqual({
      object: 'organization.usage.completions.result',
      input_tokens: 1500,
      output_tokens: 150,
      input_cached_tokens: 200,
      input_cache_write_tokens: 0,
      input_uncached_tokens: 1300,
      num_model_requests: 3,
      project_id: 'proj_a',
      model: 'gpt-4o',
      api_key_id: null,
      user_id: null,
      batch: null,
      service_tier: null,
      api_source: null,
    })
    expect(provider.requests.at(-1)?.headers.authorization).toBe('Bearer sk-admin-test')
  })

  it('pages by bucket through limit, page and next_page', async () => {
    const first = await openai.admin.organization.usage.completions({ start_time: start, end_time: end, limit: 3, group_by: ['api_key_id'] })
    expect(first).toMatchObject({ has_more: true, next_page: 'page_3' })
    expect(first.data[1]!.results.map((result) => ('api_key_id' in result ? result.api_key_id : undefined))).toEqual(['key_1', 'key_2'])
    const second = await openai.admin.organization.usage.completions({ start_time: start, end_time: end, limit: 3, page: first.next_page! })
    expect(second).toMatchObject({ has_more: false, next_page: null })
    expect(second.data.map((bucket) => bucket.start_time)).toEqual([start + 3 * 86_400])
  })

  it('rejects bucket widths it does not serve with a 400', async () => {
    await expect(openai.admin.organization.usage.completions({ start_time: start, bucket_width: '1h' })).rejects.toMatchObject({ status: 400 })
  })
})

describe('GET /v1/organization/usage/embeddings', () => {
  it('reports the embeddings rows only', async () => {
    const page = await openai.admin.organization.usage.embeddings({ start_time: start, end_time: end, group_by: ['model'] })
    expect(page.data.flatMap((bucket) => bucket.results)).toEqual([
      { object: 'organization.usage.embeddings.result', input_tokens: 3000, num_model_requests: 1, project_id: null, user_id: null, api_key_id: null, model: 'text-embedding-3-small' },
    ])
  })
})

describe('GET /v1/organization/costs', () => {
  it('bills an input and an output line item per model, summed exactly per group', async () => {
    const page = await openai.admin.organization.usage.costs({ start_time: start, end_time: end, group_by: ['project_id', 'line_item'], limit: 30 })
    expect(page.data[1]!.results).toEqual([
      { object: 'organization.costs.result', amount: { value: 0.0035, currency: 'usd' }, line_item: 'gpt-4o, input', project_id: 'proj_a', api_key_id: null, user_id: null, api_source: null },
      { object: 'organization.costs.result', amount: { value: 0.0015, currency: 'usd' }, line_item: 'gpt-4o, output', project_id: 'proj_a', api_key_id: null, user_id: null, api_source: null },
    ])
    expect(page.data[3]!.results).toMatchObject([{ amount: { value: 0.00006 }, line_item: 'text-embedding-3-small, input', project_id: 'proj_b' }])
  })
})
