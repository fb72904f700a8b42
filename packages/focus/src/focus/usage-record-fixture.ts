import type { UsageRecord } from '@finops-ai/core'

/** Test fixture: a usage record with defaults for every field not given. */
export function usageRecord(fields: Partial<UsageRecord> & Pick<UsageRecord, 'startTime'>): UsageRecord {
  return {
    id: `call-${fields.startTime}`,
    durationMs: 120,
    provider: 'openai',
    operation: 'chat',
    model: 'gpt-4o',
    stream: false,
    attribution: {},
    unallocated: false,
    usage: { inputTokens: 0, outputTokens: 0 },
    estimated: false,
    cost: null,
    policyKeys: [],
    status: 'ok',
    ...fields,
  }
}

/** USD cost of a record from its exact nanos (the fields `toFocusRows` does not read are zero). */
export function usdCost(usdNanos: number): UsageRecord['cost'] {
  const amount = usdNanos / 1e9
  return { amount, input: 0, cacheRead: 0, cacheWrite: 0, output: 0, request: 0, currency: 'USD', usdNanos, source: 'override' }
}

/**
 * Six records priced by the override book of {@link fixturePrices} (gpt-4o: input 2.5, cached 1.25,
 * output 10 USD per 1M tokens; batch tier ×0.5): two attributed calls and one unallocated batch call
 * on 2026-11-28, a denied call, a call of an unknown model, and a large call on 2026-11-29.
 */
export const fixtureRecords: readonly UsageRecord[] = [
  usageRecord({
    startTime: '2026-11-28T09:15:00.000Z',
    attribution: { team: 'support', feature: 'rag', user: 'u1' },
    usage: { inputTokens: 1200, cacheReadTokens: 200, outputTokens: 300 },
    cost: usdCost(5_750_000),
  }),
  usageRecord({
    startTime: '2026-11-28T17:40:00.000Z',
    attribution: { team: 'support', feature: 'rag', user: 'u2' },
    usage: { inputTokens: 800, outputTokens: 150, reasoningTokens: 50 },
    cost: usdCost(3_500_000),
    estimated: true,
  }),
  usageRecord({
    startTime: '2026-11-28T10:00:00.000Z',
    unallocated: true,
    serviceTier: 'batch',
    usage: { inputTokens: 333, outputTokens: 7 },
    cost: usdCost(451_250),
  }),
  usageRecord({ startTime: '2026-11-28T11:00:00.000Z', status: 'denied', errorType: 'budget', attribution: { team: 'support' } }),
  usageRecord({ startTime: '2026-11-28T12:00:00.000Z', model: 'mystery-model', usage: { inputTokens: 10, outputTokens: 10 } }),
  usageRecord({
    startTime: '2026-11-29T00:30:00.000Z',
    attribution: { team: 'support', feature: 'rag' },
    usage: { inputTokens: 1_000_001, outputTokens: 1 },
    cost: usdCost(2_500_012_500),
    status: 'error',
    errorType: 'APIConnectionError',
  }),
]

/** Price overrides the fixture records were priced with. */
export const fixturePrices = { 'gpt-4o': { input: 2.5, output: 10, cacheRead: 1.25 } } as const
