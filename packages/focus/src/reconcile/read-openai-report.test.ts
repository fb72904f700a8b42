import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { readOpenAiReport } from './read-openai-report.js'

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())

describe('readOpenAiReport', () => {
  it('reads completions and embeddings usage and the line-item costs, models without snapshot dates', async () => {
    provider.setOrganizationUsage({
      rows: [
        { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-2024-08-06', projectId: 'p', apiKeyId: 'k', inputTokens: 100, outputTokens: 10, requests: 2, inputCostUsd: 0.00025, outputCostUsd: 0.0001 },
        { provider: 'openai', day: '2026-11-02', model: 'text-embedding-3-small', kind: 'embeddings', inputTokens: 500, inputCostUsd: 0.00001 },
      ],
    })
    const now = new Date('2026-11-05T00:00:00Z')
    const report = await readOpenAiReport({ from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-03T00:00:00Z'), adminKey: 'sk-admin', baseURL: provider.openaiBaseURL, now })
    const keys = { day: '2026-11-02', serviceTier: null }
    expect(report).toEqual({
      provider: 'openai',
      completeThrough: now,
      rows: [
        { ...keys, model: 'gpt-4o', project: 'p', apiKey: 'k', requests: 2, inputTokens: 100, outputTokens: 10, costNanos: 0 },
        { ...keys, model: 'text-embedding-3-small', project: null, apiKey: null, requests: 1, inputTokens: 500, outputTokens: 0, costNanos: 0 },
        { ...keys, model: 'gpt-4o', project: 'p', apiKey: 'k', requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 250_000 },
        { ...keys, model: 'gpt-4o', project: 'p', apiKey: 'k', requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 100_000 },
        { ...keys, model: 'text-embedding-3-small', project: null, apiKey: null, requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 10_000 },
      ],
    })
    expect(provider.requests.map((request) => new URL(request.url, provider.url).searchParams.getAll('group_by[]'))).toEqual([
      ['project_id', 'api_key_id', 'model'],
      ['project_id', 'api_key_id', 'model'],
      ['project_id', 'api_key_id', 'line_item'],
    ])
  })
})
