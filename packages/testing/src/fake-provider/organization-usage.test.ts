import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'
import { pageCursor, pageOffset, queryList } from './organization-usage.js'

describe('organization usage paging helpers', () => {
  it('reads array parameters in both spellings', () => {
    expect(queryList(new URLSearchParams('group_by[]=model&group_by[]=project_id&group_by=api_key_id'), 'group_by')).toEqual(['model', 'project_id', 'api_key_id'])
  })

  it('pages with page_N cursors and rejects foreign ones', () => {
    expect(pageCursor(0, 7, 10)).toEqual({ has_more: true, next_page: 'page_7' })
    expect(pageCursor(7, 7, 10)).toEqual({ has_more: false, next_page: null })
    expect(pageOffset(new URLSearchParams('page=page_7'))).toBe(7)
    expect(pageOffset(new URLSearchParams(''))).toBe(0)
    expect(pageOffset(new URLSearchParams('page=abc'))).toBeUndefined()
  })
})

describe('provider.setOrganizationUsage', () => {
  let provider: FakeProvider
  beforeAll(async () => {
    provider = await fakeProvider()
  })
  afterAll(() => provider.close())

  it('answers from the seed until reset clears it, and 404s other methods', async () => {
    provider.setOrganizationUsage({ rows: [{ provider: 'openai', day: '2026-11-02', model: 'gpt-4o', inputTokens: 5, inputCostUsd: 0.1 }] })
    const url = `${provider.openaiBaseURL}/organization/costs?start_time=${Date.parse('2026-11-02T00:00:00Z') / 1000}&limit=1`
    const costs = async () => ((await (await fetch(url)).json()) as { data: { results: unknown[] }[] }).data[0]!.results.length
    expect(await costs()).toBe(1)
    provider.reset()
    expect(await costs()).toBe(0)
    expect((await fetch(url, { method: 'POST', body: '{}' })).status).toBe(404)
  })
})
