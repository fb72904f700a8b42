import type { UsageRecord } from '@finops-ai/core'
import type { OrganizationUsageRow } from '@finops-ai/testing'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { compareReport, type Reconciliation } from './compare-report.js'
import { modelKey } from './model-key.js'
import type { ProviderReport } from './provider-report.js'
import { DEFAULT_TOLERANCE } from './verdict.js'

// Test fixture. Ledger costs use OpenAI's published prices per million tokens
// (openai.com/api/pricing, read 2026-12-02): gpt-4o input $2.50, output $10.00;
// gpt-4o-mini input $0.15, output $0.60.

const app = { project: 'proj_app', key: 'key_app' }

function calls(count: number, fields: Partial<UsageRecord> & Pick<UsageRecord, 'startTime'>): UsageRecord[] {
  return Array.from({ length: count }, (_, index) => usageRecord({ ...fields, id: `${fields.model ?? 'gpt-4o'}-${fields.startTime}-${index}`, attribution: { team: 'support' } }))
}

/**
 * The ledger of the service in project `proj_app` using key `key_app`, 2026-11-02 to 11-04:
 * - 11-02 gpt-4o: 3 calls × (1000 in, 200 out) = 0.0045 USD each → agrees with the provider;
 * - 11-02 gpt-4o-mini: 10 calls × (2000 in, 500 out) = 0.0006 USD each → the provider bills more;
 * - 11-03 gpt-4o-mini: 1 call (1000 in, 100 out) = 0.00021 USD → the provider does not report it;
 * - 11-04 gpt-4o: 2 calls × (1000 in, 200 out) → the provider's bucket is partial;
 * plus a denied call, an Anthropic call and a call on 11-01, which are not compared.
 * (The ledger's 11-03 gpt-4o file is missing: the provider reports usage the ledger lacks.)
 */
export const reconcileLedger: readonly UsageRecord[] = [
  ...calls(3, { startTime: '2026-11-02T09:00:00.000Z', model: 'gpt-4o', responseModel: 'gpt-4o-2024-08-06', usage: { inputTokens: 1000, outputTokens: 200 }, cost: usdCost(4_500_000) }),
  ...calls(10, { startTime: '2026-11-02T10:00:00.000Z', model: 'gpt-4o-mini', usage: { inputTokens: 2000, outputTokens: 500 }, cost: usdCost(600_000) }),
  ...calls(1, { startTime: '2026-11-03T23:59:59.000Z', model: 'gpt-4o-mini', usage: { inputTokens: 1000, outputTokens: 100 }, cost: usdCost(210_000) }),
  ...calls(2, { startTime: '2026-11-04T08:00:00.000Z', model: 'gpt-4o', usage: { inputTokens: 1000, outputTokens: 200 }, cost: usdCost(4_500_000) }),
  usageRecord({ startTime: '2026-11-02T11:00:00.000Z', status: 'denied', errorType: 'budget' }),
  usageRecord({ startTime: '2026-11-02T11:00:00.000Z', provider: 'anthropic', model: 'claude-haiku-4-5', usage: { inputTokens: 10, outputTokens: 10 }, cost: usdCost(60) }),
  usageRecord({ startTime: '2026-11-01T23:00:00.000Z', usage: { inputTokens: 10, outputTokens: 10 }, cost: usdCost(125) }),
]

/**
 * OpenAI's report for the same days: what the ledger has, except that gpt-4o-mini is billed at
 * 0.30 USD per million tokens; a key the ledger never saw (`key_leaked`) and another project's
 * embeddings (`proj_batch`); the 11-03 gpt-4o usage the ledger lost; and only half of 11-04 so far.
 */
export const openaiReportRows: readonly OrganizationUsageRow[] = [
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-2024-08-06', projectId: app.project, apiKeyId: app.key, inputTokens: 3000, outputTokens: 600, requests: 3, inputCostUsd: 0.0075, outputCostUsd: 0.006 },
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-mini-2024-07-18', projectId: app.project, apiKeyId: app.key, inputTokens: 20_000, outputTokens: 5000, requests: 10, inputCostUsd: 0.006, outputCostUsd: 0.0015 },
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-mini-2024-07-18', projectId: app.project, apiKeyId: 'key_leaked', inputTokens: 50_000, outputTokens: 10_000, requests: 20, inputCostUsd: 0.0075, outputCostUsd: 0.006 },
  { provider: 'openai', day: '2026-11-02', model: 'text-embedding-3-small', kind: 'embeddings', projectId: 'proj_batch', apiKeyId: 'key_batch', inputTokens: 1_000_000, requests: 1, inputCostUsd: 0.02 },
  { provider: 'openai', day: '2026-11-03', model: 'gpt-4o-2024-08-06', projectId: app.project, apiKeyId: app.key, inputTokens: 4000, outputTokens: 800, requests: 4, inputCostUsd: 0.01, outputCostUsd: 0.008 },
  { provider: 'openai', day: '2026-11-04', model: 'gpt-4o-2024-08-06', projectId: app.project, apiKeyId: app.key, inputTokens: 1000, outputTokens: 200, requests: 1, inputCostUsd: 0.0025, outputCostUsd: 0.002 },
  { provider: 'anthropic', day: '2026-11-02', model: 'claude-haiku-4-5', inputTokens: 10, outputTokens: 10, inputCostUsd: 0.00001, outputCostUsd: 0.00005 },
]

/** The ledger mapping of the fixture: one project, one key. */
export const reconcileMapping = { project: app.project, apiKeyId: app.key }

/** The fixture's OpenAI report as read (models without snapshot dates), complete through 2026-11-04T12:00Z. */
export const openaiReport: ProviderReport = {
  provider: 'openai',
  completeThrough: new Date('2026-11-04T12:00:00Z'),
  rows: openaiReportRows
    .filter((row) => row.provider === 'openai')
    .map((row) => ({
      day: row.day,
      model: modelKey(row.model),
      project: row.projectId ?? null,
      apiKey: row.apiKeyId ?? null,
      serviceTier: null,
      requests: row.requests ?? 1,
      inputTokens: row.inputTokens,
      outputTokens: row.outputTokens ?? 0,
      costNanos: Math.round(row.inputCostUsd * 1e9) + Math.round((row.outputCostUsd ?? 0) * 1e9),
    })),
}

/** The fixture compared without HTTP: what `reconcile` returns for 2026-11-02 to 11-05. */
export function fixtureReconciliation(): Promise<Reconciliation> {
  return compareReport(openaiReport, reconcileLedger, {
    from: new Date('2026-11-02T00:00:00Z'),
    to: new Date('2026-11-05T00:00:00Z'),
    ledger: reconcileMapping,
    dimensions: ['project', 'apiKey'],
    tolerance: { ...DEFAULT_TOLERANCE },
  })
}
