import { ConfigError } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ProviderReportError } from './provider-report-error.js'
import { openaiReportRows, reconcileLedger, reconcileMapping } from './reconcile-fixture.js'
import { reconcile, type ReconcileOptions } from './reconcile.js'
import { SHADOW_SPEND_HINT } from './shadow-spend.js'

let provider: FakeProvider
const adminKey = 'sk-admin-secret-0123456789'

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  provider.reset()
  provider.setOrganizationUsage({ rows: openaiReportRows })
})

const options = (extra: Partial<ReconcileOptions> = {}): ReconcileOptions => ({
  provider: 'openai',
  from: '2026-11-02',
  to: '2026-11-05',
  records: reconcileLedger,
  ledger: reconcileMapping,
  adminKey,
  baseURL: provider.openaiBaseURL,
  now: new Date('2026-11-04T12:00:00Z'),
  ...extra,
})
const amounts = (requests: number, inputTokens: number, outputTokens: number, costUsd: number) => ({ requests, inputTokens, outputTokens, costUsd })
const none = amounts(0, 0, 0, 0)

describe('reconcile (OpenAI, through the openai SDK and the fake provider)', () => {
  it('judges every day × model × project × key group exactly', async () => {
    const result = await reconcile(options())
    const keys = { project: 'proj_app', apiKey: 'key_app' }
    expect(result.dimensions).toEqual(['project', 'apiKey'])
    expect(result.groups).toEqual([
      { day: '2026-11-02', model: 'gpt-4o', ...keys, final: true, provider: amounts(3, 3000, 600, 0.0135), ledger: amounts(3, 3000, 600, 0.0135), difference: none, verdict: 'within-tolerance', priceDrift: null },
      {
        day: '2026-11-02', model: 'gpt-4o-mini', ...keys, final: true,
        provider: amounts(10, 20_000, 5000, 0.0075), ledger: amounts(10, 20_000, 5000, 0.006), difference: amounts(0, 0, 0, -0.0015),
        verdict: 'ledger-low', priceDrift: { providerUsdPerMillionTokens: 0.3, ledgerUsdPerMillionTokens: 0.24 },
      },
      { day: '2026-11-02', model: 'gpt-4o-mini', project: 'proj_app', apiKey: 'key_leaked', final: true, provider: amounts(20, 50_000, 10_000, 0.0135), ledger: none, difference: amounts(-20, -50_000, -10_000, -0.0135), verdict: 'provider-only', priceDrift: null },
      { day: '2026-11-02', model: 'text-embedding-3-small', project: 'proj_batch', apiKey: 'key_batch', final: true, provider: amounts(1, 1_000_000, 0, 0.02), ledger: none, difference: amounts(-1, -1_000_000, 0, -0.02), verdict: 'provider-only', priceDrift: null },
      { day: '2026-11-03', model: 'gpt-4o', ...keys, final: true, provider: amounts(4, 4000, 800, 0.018), ledger: none, difference: amounts(-4, -4000, -800, -0.018), verdict: 'provider-only', priceDrift: null },
      { day: '2026-11-03', model: 'gpt-4o-mini', ...keys, final: true, provider: none, ledger: amounts(1, 1000, 100, 0.00021), difference: amounts(1, 1000, 100, 0.00021), verdict: 'ledger-only', priceDrift: null },
      { day: '2026-11-04', model: 'gpt-4o', ...keys, final: false, provider: amounts(1, 1000, 200, 0.0045), ledger: amounts(2, 2000, 400, 0.009), difference: amounts(1, 1000, 200, 0.0045), verdict: 'ledger-high', priceDrift: null },
    ])
    expect(result.verdicts).toEqual({ 'within-tolerance': 1, 'ledger-high': 0, 'ledger-low': 1, 'provider-only': 3, 'ledger-only': 1 })
    expect(result.partialGroups).toBe(1)
    expect(result.completeThrough).toBe('2026-11-04T12:00:00.000Z')
    expect(result.ledger).toEqual({ read: 19, compared: 16, otherProvider: 1, outsideRange: 1, denied: 1, cacheHits: 0, unpriced: 0 })
    expect(result.totals).toEqual({
      provider: amounts(39, 1_078_000, 16_600, 0.077),
      ledger: amounts(16, 26_000, 6100, 0.02871),
      difference: amounts(-23, -1_052_000, -10_500, -0.04829),
      shadow: amounts(25, 1_054_000, 10_800, 0.0515),
    })
  })

  it('lists provider usage without ledger records as shadow spend per project and key, with a hint', async () => {
    const result = await reconcile(options())
    expect(result.shadowSpend).toEqual([
      { project: 'proj_batch', apiKey: 'key_batch', models: ['text-embedding-3-small'], days: ['2026-11-02'], ...amounts(1, 1_000_000, 0, 0.02), hint: SHADOW_SPEND_HINT },
      { project: 'proj_app', apiKey: 'key_app', models: ['gpt-4o'], days: ['2026-11-03'], ...amounts(4, 4000, 800, 0.018), hint: SHADOW_SPEND_HINT },
      { project: 'proj_app', apiKey: 'key_leaked', models: ['gpt-4o-mini'], days: ['2026-11-02'], ...amounts(20, 50_000, 10_000, 0.0135), hint: SHADOW_SPEND_HINT },
    ])
    expect(result.priceDrift).toEqual([{ day: '2026-11-02', model: 'gpt-4o-mini', project: 'proj_app', apiKey: 'key_app', providerUsdPerMillionTokens: 0.3, ledgerUsdPerMillionTokens: 0.24 }])
  })

  it('compares by day and model only without a ledger mapping, and honours the tolerance', async () => {
    const result = await reconcile(options({ ledger: {}, tolerance: { relative: 0.25 } }))
    expect(result.dimensions).toEqual([])
    expect(result.groups.map((group) => [group.day, group.model, group.verdict])).toEqual([
      ['2026-11-02', 'gpt-4o', 'within-tolerance'],
      ['2026-11-02', 'gpt-4o-mini', 'ledger-low'],
      ['2026-11-02', 'text-embedding-3-small', 'provider-only'],
      ['2026-11-03', 'gpt-4o', 'provider-only'],
      ['2026-11-03', 'gpt-4o-mini', 'ledger-only'],
      ['2026-11-04', 'gpt-4o', 'ledger-high'],
    ])
    expect(result.groups[1]).toMatchObject({ provider: amounts(30, 70_000, 15_000, 0.021), ledger: amounts(10, 20_000, 5000, 0.006) })
  })

  it('follows next_page across pages and retries a 429 after its retry-after', async () => {
    provider.failNext({ status: 429, retryAfter: 0.01, times: 2 })
    const result = await reconcile(options({ from: '2026-10-01', to: '2026-11-05' }))
    expect(result.groups.map((group) => group.day)[0]).toBe('2026-11-01') // the ledger's 11-01 call is now in range
    expect(result.groups).toHaveLength(8)
    const usage = provider.requests.filter((request) => request.path === '/v1/organization/usage/completions')
    expect(usage.map((request) => new URL(request.url, provider.url).searchParams.get('page'))).toEqual([null, null, null, 'page_31'])
    expect(usage[0]?.headers.authorization).toBe(`Bearer ${adminKey}`)
  })

  it('fails with the HTTP status, never a zero, and never shows the admin key', async () => {
    provider.failNext({ status: 403, body: { error: { message: `key ${adminKey} lacks api.usage.read`, type: 'invalid_request_error', param: null, code: null } } })
    const error: unknown = await reconcile(options()).catch((caught: unknown) => caught)
    expect(ProviderReportError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ provider: 'openai', report: 'usage/completions', status: 403 })
    expect((error as Error).message).toBe('cannot fetch the openai usage/completions report: HTTP 403: 403 key [redacted] lacks api.usage.read')
    provider.failNext({ status: 500, times: 10 })
    await expect(reconcile(options({ maxRetries: 1 }))).rejects.toMatchObject({ status: 500 })
    expect(provider.requests.filter((request) => request.headers.authorization === `Bearer ${adminKey}`)).toHaveLength(3)
  })

  it('rejects bad options with a ConfigError naming the option', async () => {
    const path = (promise: Promise<unknown>) => promise.then(() => undefined, (error: unknown) => (ConfigError.isInstance(error) ? error.path : error))
    const previous = process.env.OPENAI_ADMIN_KEY
    delete process.env.OPENAI_ADMIN_KEY
    try {
      expect(await path(reconcile(options({ adminKey: undefined })))).toBe('adminKey')
    } finally {
      if (previous !== undefined) process.env.OPENAI_ADMIN_KEY = previous
    }
    expect(await path(reconcile(options({ from: '2026-11-02T12:00:00Z' })))).toBe('from')
    expect(await path(reconcile(options({ to: '2026-11-02' })))).toBe('to')
    expect(await path(reconcile(options({ byServiceTier: true })))).toBe('byServiceTier')
    expect(await path(reconcile(options({ ledger: { project: 'a', projectAttribute: 'b' } })))).toBe('ledger.projectAttribute')
    expect(await path(reconcile(options({ tolerance: { relative: -1 } })))).toBe('tolerance.relative')
    expect(provider.requests).toHaveLength(0)
  })
})
