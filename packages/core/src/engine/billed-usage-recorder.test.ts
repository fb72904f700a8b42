import { describe, expect, it } from 'vitest'
import { withAttribution } from '../attribution/attribution-scope.js'
import type { BilledUsage, BilledUsagePath } from '../call/call-path.js'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'
import { memoryStore } from '../store/memory-store.js'
import type { Store } from '../store/store.js'
import { createOtelTestHarness, sumPoints } from '../telemetry/otel-test-harness.js'
import { callPathOf } from './call-path-of.js'
import { createFinOps } from './create-finops.js'
import type { FinOpsEvent } from './finops-event.js'
import type { FinOpsOptions } from './finops-options.js'
import type { UsageRecord } from './usage-record.js'

// An in-house model priced by override: $1 / 1M input tokens, $2 / 1M output tokens.
const prices = { 'in-house-llm': { input: 1, output: 2 } }
// 300k input + 100k output tokens: $0.30 + $0.20.
const usageCostUsd = 0.5

function engine(options: FinOpsOptions = {}) {
  const otel = createOtelTestHarness()
  const events: FinOpsEvent[] = []
  const records: UsageRecord[] = []
  const finops = createFinOps({
    prices,
    tracerProvider: otel.tracerProvider,
    meterProvider: otel.meterProvider,
    onEvent: (event) => void events.push(event),
    onUsage: (record) => void records.push(record),
    ...options,
  })
  const billed = callPathOf(finops).billedUsage
  if (billed === undefined) throw new Error('the engine must expose billedUsage')
  return { finops, billed, otel, events, records }
}

const batchResult = (billed: BilledUsagePath, id = 'test:batch_1'): BilledUsage => ({
  id,
  request: { provider: 'openai', operation: 'chat', model: 'in-house-llm', stream: false, estimatedInputTokens: 0 },
  result: { usage: { inputTokens: 300_000, outputTokens: 100_000 }, responseId: id },
  attribution: withAttribution({ team: 'x' }, () => billed.captureAttribution({ feature: 'nightly' })),
})

describe('BilledUsageRecorder', () => {
  it('records usage billed after the fact once: one span, one cost metric point, one usage record', async () => {
    const { finops, billed, otel, records } = engine()
    const usage = batchResult(billed)
    expect(await billed.record(usage)).toBe(true)
    expect(await billed.record(usage)).toBe(false)
    await finops.flush()

    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ attribution: { team: 'x', feature: 'nightly' }, status: 'ok', model: 'in-house-llm', cost: { amount: usageCostUsd } })
    const spans = otel.spans()
    expect(spans.map((span) => span.name)).toEqual(['chat in-house-llm'])
    expect(spans[0]?.attributes).toMatchObject({ 'team.name': 'x', 'gen_ai.usage.input_tokens': 300_000, 'finops.cost.amount': usageCostUsd })
    const cost = sumPoints((await otel.collect()).get('finops.cost'))
    expect(cost.reduce((sum, point) => sum + point.value, 0)).toBeCloseTo(usageCostUsd, 12)
  })

  it('captures the attribution of the moment: scope over client default over engine default', () => {
    const { billed } = engine({ attribution: { defaults: { costCenter: 'CC-1', team: 'engine' } } })
    const captured = withAttribution({ user: 'k.herings' }, () => billed.captureAttribution({ team: 'client' }))
    expect(captured).toEqual({ costCenter: 'CC-1', team: 'client', user: 'k.herings' })
  })

  it('charges the budget of matching policies without denying, even beyond the hard limit', async () => {
    const { finops, billed, records } = engine({ policies: [{ key: 'team-x', match: { team: 'x' }, limits: { budget: { period: 'monthly', hard_limit_usd: 0.1 } } }] })
    await billed.record(batchResult(billed))
    await finops.flush()
    expect(records[0]?.policyKeys).toEqual(['team-x'])
    expect((await finops.spend({ policy: 'team-x' })).spent).toBeCloseTo(usageCostUsd, 12)
    const live = { provider: 'openai', operation: 'chat' as const, model: 'in-house-llm', stream: false, estimatedInputTokens: 10 }
    expect(() => withAttribution({ team: 'x' }, () => callPathOf(finops).begin(live))).toThrow(LimitExceededError)
  })

  it('records an id once across engines sharing one store, as processes sharing Redis do', async () => {
    const store = memoryStore()
    const first = engine({ store })
    const second = engine({ store })
    expect(await first.billed.record(batchResult(first.billed, 'shared:1'))).toBe(true)
    expect(await second.billed.record(batchResult(second.billed, 'shared:1'))).toBe(false)
    expect(second.records).toHaveLength(0)
  })

  it('records without charging budgets when the store has no charge()', async () => {
    const inner = memoryStore()
    const store: Store = { reserve: (request) => inner.reserve(request), settle: (request) => inner.settle(request), read: (request) => inner.read(request) }
    const { finops, billed, records } = engine({ store, policies: [{ key: 'all', limits: { budget: { period: 'total', hard_limit_usd: 10 } } }] })
    expect(await billed.record(batchResult(billed))).toBe(true)
    await finops.flush()
    expect(records).toHaveLength(1)
    expect((await finops.spend({ policy: 'all' })).spent).toBe(0)
  })

  it('records usage that lacks required attribution as unallocated with an event, never throwing', async () => {
    const { finops, billed, records, events } = engine({ attribution: { required: ['costCenter'], onMissing: 'throw' } })
    expect(await billed.record(batchResult(billed))).toBe(true)
    await finops.flush()
    expect(records[0]?.unallocated).toBe(true)
    expect(events).toContainEqual(expect.objectContaining({ type: 'attribution_missing', missing: ['costCenter'] }))
    expect(finops.coverage()).toMatchObject({ calls: { unallocated: 1 }, cost: { unallocated: usageCostUsd } })
  })

  it('emits store_degraded and still records when the store fails', async () => {
    const failing: Store = { ...memoryStore(), charge: () => Promise.reject(new Error('down')) }
    const { finops, billed, records, events } = engine({ store: failing })
    expect(await billed.record(batchResult(billed))).toBe(true)
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(events.map((event) => event.type)).toContain('store_degraded')
  })
})

describe('BilledUsageRecorder submissions', () => {
  it('remembers the attribution captured for a submission by its id', () => {
    const { billed } = engine()
    billed.rememberSubmission('batch_1', { team: 'x' })
    expect(billed.submittedAttribution('batch_1')).toEqual({ team: 'x' })
    expect(billed.submittedAttribution('batch_2')).toBeUndefined()
  })

  it('records each id once per process even when the store cannot remember it', async () => {
    const inner = memoryStore()
    const store: Store = { reserve: (request) => inner.reserve(request), settle: (request) => inner.settle(request), read: (request) => inner.read(request) }
    const { finops, billed, records } = engine({ store })
    const usage = batchResult(billed)
    expect([await billed.record(usage), await billed.record(usage)]).toEqual([true, false])
    await finops.flush()
    expect(records).toHaveLength(1)
  })
})

describe('BilledUsageRecorder admission of submissions', () => {
  // 10 requests of 30k input tokens with max 20k output: 10 × ($0.03 + $0.04) = $0.70 estimated.
  const requests = Array.from({ length: 10 }, () => ({ provider: 'openai', operation: 'chat' as const, model: 'in-house-llm', stream: false, estimatedInputTokens: 30_000, maxOutputTokens: 20_000 }))
  const policies = [{ key: 'team-x', match: { team: 'x' }, limits: { budget: { period: 'monthly' as const, hard_limit_usd: 1 } } }]

  it('admits a submission whose estimate fits the hard budget, reserving nothing', async () => {
    const { finops, billed } = engine({ policies })
    expect(billed.admitSubmission({ requests, attribution: { team: 'x' } })).toBeUndefined()
    expect(await finops.spend({ policy: 'team-x' })).toMatchObject({ spent: 0, reserved: 0 })
  })

  it('denies a submission whose estimate would overrun the hard budget, with a limit_exceeded event', async () => {
    const { billed, events } = engine({ policies })
    await billed.record(batchResult(billed)) // $0.50 spent
    expect(() => billed.admitSubmission({ requests, attribution: { team: 'x' } })).toThrow(LimitExceededError)
    expect(events).toContainEqual(expect.objectContaining({ type: 'limit_exceeded', reason: 'budget', policy: 'team-x', limit: 1, current: 0.5 }))
    expect(billed.admitSubmission({ requests, attribution: { team: 'y' } })).toBeUndefined()
  })

  it('rejects asynchronously with a remote store', async () => {
    const inner = memoryStore()
    const remote: Store = {
      reserve: async (request) => inner.reserve(request),
      settle: async (request) => inner.settle(request),
      read: async (request) => inner.read(request),
      charge: async (request) => inner.charge!(request),
    }
    const { billed } = engine({ policies, store: remote })
    await billed.record(batchResult(billed))
    const admitted = billed.admitSubmission({ requests, attribution: { team: 'x' } })
    expect(admitted).toBeInstanceOf(Promise)
    await expect(admitted).rejects.toBeInstanceOf(LimitExceededError)
  })
})
