import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { withAttribution } from '../attribution/attribution-scope.js'
import type { CallRequest } from '../call/call-request.js'
import { ConfigError } from '../errors/config-error.js'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'
import { MissingAttributionError } from '../errors/missing-attribution-error.js'
import { callPathOf } from './call-path-of.js'
import { createFinOps } from './create-finops.js'
import type { FinOpsEvent } from './finops-event.js'
import type { FinOpsOptions } from './finops-options.js'
import type { UsageRecord } from './usage-record.js'

const exporter = new InMemorySpanExporter()
const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] })

afterEach(() => exporter.reset())

const chat = (overrides: Partial<CallRequest> = {}): CallRequest => ({
  provider: 'openai',
  operation: 'chat',
  model: 'gpt-4o',
  stream: false,
  maxOutputTokens: 100,
  estimatedInputTokens: 1000,
  ...overrides,
})

function engine(options: FinOpsOptions = {}) {
  const events: FinOpsEvent[] = []
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider,
    onEvent: (event) => events.push(event),
    onUsage: (record) => void records.push(record),
    ...options,
  })
  return { finops, path: callPathOf(finops), events, records }
}

// gpt-4o: $2.50 / 1M input, $1.25 / 1M cached input, $10 / 1M output.
const gpt4oUsage = { inputTokens: 1000, outputTokens: 200, cacheReadTokens: 400 }
const gpt4oCostUsd = (600 * 2.5 + 400 * 1.25 + 200 * 10) / 1e6

describe('createFinOps call path', () => {
  it('prices a call and ends its span with usage, cost and attribution', () => {
    const { path, records } = engine()
    const handle = withAttribution({ user: 'u1', feature: 'rag' }, () => path.begin(chat({ clientAttribution: { team: 'support' } })))
    if (handle instanceof Promise) throw new Error('the memory path must be synchronous')
    handle.succeed({ usage: gpt4oUsage, responseModel: 'gpt-4o-2024-08-06', responseId: 'r1', finishReasons: ['stop'] })

    const [span] = exporter.getFinishedSpans()
    expect(span?.name).toBe('chat gpt-4o')
    expect(span?.attributes).toMatchObject({
      'enduser.id': 'u1',
      'team.name': 'support',
      'feature.name': 'rag',
      'finops.cost.amount': gpt4oCostUsd,
      'finops.cost.currency': 'USD',
      'gen_ai.response.model': 'gpt-4o-2024-08-06',
    })
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({ status: 'ok', model: 'gpt-4o', unallocated: false, cost: { amount: gpt4oCostUsd, usdNanos: 4_000_000 } })
  })

  it('lets a call-site scope win over client and engine defaults', () => {
    const { path, records } = engine({ attribution: { defaults: { team: 'engine', costCenter: 'CC-1' } } })
    const handle = withAttribution({ team: 'scope' }, () => path.begin(chat({ clientAttribution: { team: 'client', feature: 'f' } })))
    ;(handle as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    expect(records[0]?.attribution).toEqual({ team: 'scope', feature: 'f', costCenter: 'CC-1' })
  })

  it('converts cost into the engine currency', () => {
    const { path } = engine({ currency: 'EUR', exchangeRates: { EUR: 0.86 } })
    const handle = path.begin(chat({ clientAttribution: { team: 't' } }))
    ;(handle as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    const attributes = exporter.getFinishedSpans()[0]?.attributes
    expect(attributes?.['finops.cost.currency']).toBe('EUR')
    expect(attributes?.['finops.cost.amount']).toBeCloseTo(gpt4oCostUsd * 0.86, 12)
  })

  it('in strict mode rejects an unattributed call before it starts, listing the missing keys', () => {
    const { path } = engine({ attribution: { required: ['team', 'feature'], onMissing: 'throw' } })
    let caught: unknown
    try {
      withAttribution({ team: 't' }, () => path.begin(chat()))
    } catch (error) {
      caught = error
    }
    expect(MissingAttributionError.isInstance(caught)).toBe(true)
    expect((caught as MissingAttributionError).missing).toEqual(['feature'])
    expect(exporter.getFinishedSpans()[0]?.attributes['error.type']).toBe('MissingAttributionError')
  })

  it('warns about missing attribution with an event and tags the call unallocated', () => {
    const { finops, path, events, records } = engine({ attribution: { required: ['team'], onMissing: 'warn' } })
    ;(path.begin(chat()) as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    expect(events.map((event) => event.type)).toEqual(['attribution_missing'])
    expect(records[0]?.unallocated).toBe(true)
    expect(finops.coverage()).toMatchObject({ calls: { total: 1, attributed: 0, unallocated: 1 }, missingByKey: { team: 1 } })
  })

  it('reports an unknown price once per model with a null cost', () => {
    const { path, events, records } = engine()
    for (let i = 0; i < 3; i++) {
      ;(path.begin(chat({ model: 'in-house-llm', clientAttribution: { team: 't' } })) as { succeed(result: unknown): void }).succeed({
        usage: { inputTokens: 5, outputTokens: 5 },
      })
    }
    expect(events.filter((event) => event.type === 'unknown_price')).toHaveLength(1)
    expect(records.map((record) => record.cost)).toEqual([null, null, null])
    expect(exporter.getFinishedSpans()[0]?.attributes['finops.cost.amount']).toBeUndefined()
  })

  it("blocks a model without price when unknownPrice is 'block'", () => {
    const { path } = engine({ unknownPrice: 'block' })
    expect(() => path.begin(chat({ model: 'in-house-llm', clientAttribution: { team: 't' } }))).toThrow(ConfigError)
  })

  it('prices with a user override', () => {
    const { path, records } = engine({ prices: { 'in-house-llm': { input: 1, output: 2 } } })
    ;(path.begin(chat({ model: 'in-house-llm', clientAttribution: { team: 't' } })) as { succeed(result: unknown): void }).succeed({
      usage: { inputTokens: 1_000_000, outputTokens: 500_000 },
    })
    expect(records[0]?.cost).toMatchObject({ amount: 2, source: 'override' })
  })

  it('denies a call over a limit without starting it and says which policy', () => {
    const { path, events, records } = engine({
      policies: [{ key: 'rpm', limits: { requests_per_minute: 1 } }],
      clock: () => Date.UTC(2026, 0, 1),
    })
    ;(path.begin(chat({ clientAttribution: { team: 't' } })) as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    let caught: unknown
    try {
      path.begin(chat({ clientAttribution: { team: 't' } }))
    } catch (error) {
      caught = error
    }
    expect(LimitExceededError.isInstance(caught)).toBe(true)
    expect(caught).toMatchObject({ reason: 'requests_per_minute', policy: 'rpm', limit: 1 })
    expect(events.map((event) => event.type)).toEqual(['limit_exceeded'])
    expect(records.map((record) => record.status)).toEqual(['ok', 'denied'])
    expect(exporter.getFinishedSpans()[1]?.attributes['error.type']).toBe('requests_per_minute')
  })

  it('settles actual cost against the budget and releases a failed call entirely', async () => {
    const { finops, path } = engine({ policies: [{ key: 'budget', limits: { budget: { period: 'total', hard_limit_usd: 10 } } }] })
    ;(path.begin(chat({ clientAttribution: { team: 't' } })) as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    ;(path.begin(chat({ clientAttribution: { team: 't' } })) as { fail(error: unknown): void }).fail(new Error('boom'))
    await finops.flush()
    const spend = await finops.spend({ policy: 'budget' })
    expect(spend).toMatchObject({ spent: gpt4oCostUsd, reserved: 0, hardLimit: 10, currency: 'USD' })
    expect(spend.remaining).toBeCloseTo(10 - gpt4oCostUsd, 12)
    const spans = exporter.getFinishedSpans()
    expect(spans[0]?.attributes['finops.budget.remaining']).toBeCloseTo(10 - gpt4oCostUsd, 12)
    expect(spans[0]?.attributes['finops.policy.keys']).toEqual(['budget'])
  })

  it('keeps working when onEvent and onUsage throw', () => {
    const { path } = engine({
      onEvent: () => {
        throw new Error('event sink down')
      },
      onUsage: () => {
        throw new Error('usage sink down')
      },
    })
    const handle = path.begin(chat({ model: 'in-house-llm', clientAttribution: { team: 't' } }))
    expect(() => (handle as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })).not.toThrow()
    expect(exporter.getFinishedSpans()).toHaveLength(1)
  })

  it('ignores a second succeed or fail on the same handle', () => {
    const { path, records } = engine()
    const handle = path.begin(chat({ clientAttribution: { team: 't' } })) as { succeed(result: unknown): void; fail(error: unknown): void }
    handle.succeed({ usage: gpt4oUsage })
    handle.fail(new Error('late'))
    handle.succeed({ usage: gpt4oUsage })
    expect(records).toHaveLength(1)
    expect(exporter.getFinishedSpans()).toHaveLength(1)
  })

  it('records where an unattributed call was made, and no call site for attributed calls', () => {
    const { path } = engine({ attribution: { required: ['team'], onMissing: 'allow' } })
    ;(path.begin(chat()) as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    ;(path.begin(chat({ clientAttribution: { team: 't' } })) as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage })
    const [unattributed, attributed] = exporter.getFinishedSpans()
    expect(unattributed?.attributes['code.file.path']).toMatch(/create-finops\.test\.ts$/)
    expect(unattributed?.attributes['code.line.number']).toBeGreaterThan(0)
    expect(attributed?.attributes['code.file.path']).toBeUndefined()
  })

  it('with hashUser, replaces the user id before it reaches spans, records and counters', async () => {
    const { finops, path, records } = engine({
      attribution: { hashUser: { salt: 'pepper' } },
      policies: [{ key: 'per-user', per: 'user', limits: { budget: { period: 'total', hard_limit_usd: 1 } } }],
    })
    withAttribution({ user: 'k.herings@example.com' }, () =>
      (path.begin(chat({ clientAttribution: { team: 't' } })) as { succeed(result: unknown): void }).succeed({ usage: gpt4oUsage }),
    )
    const pseudonym = records[0]?.attribution.user
    expect(pseudonym).toMatch(/^[0-9a-f]{32}$/)
    expect(exporter.getFinishedSpans()[0]?.attributes['enduser.id']).toBe(pseudonym)
    expect(JSON.stringify(records)).not.toContain('k.herings')
    expect(await finops.spend({ policy: 'per-user', key: pseudonym })).toMatchObject({ spent: gpt4oCostUsd })
  })

  it('rejects invalid options with the exact path', () => {
    expect(() => createFinOps({ estimate: { defaultMaxOutputTokens: -1 } })).toThrow('estimate.defaultMaxOutputTokens')
    expect(() => createFinOps({ currency: 'EUR' })).toThrow(ConfigError)
  })
})

describe('createFinOps exact input counts (CallRequest.countInputTokens)', () => {
  // gpt-4o input $2.50 / 1M, output $10 / 1M: 1,000 estimated input tokens and 100 output reserve $0.0035; 10,000 counted
  // reserve $0.026, over the $0.02 budget. Each call below then spends $0.004 (gpt4oUsage).
  const budget = { policies: [{ key: 'team', limits: { budget: { period: 'daily' as const, hard_limit_usd: 0.02 } } }] }

  it('reserves the count instead of the estimate when guards are configured', async () => {
    const { path } = engine(budget)
    const count = vi.fn(async () => 10_000)
    await expect(path.begin(chat({ countInputTokens: count }))).rejects.toMatchObject({ reason: 'budget', requested: 0.026 })
    expect(count).toHaveBeenCalledTimes(1)
    const handle = await path.begin(chat({ countInputTokens: async () => 1_000 }))
    handle.succeed({ usage: gpt4oUsage })
  })

  it('keeps the estimate when the count fails, is undefined or is not a token count', async () => {
    const { finops, path } = engine(budget)
    for (const count of [async () => Promise.reject(new Error('count failed')), async () => undefined, async () => -5, async () => 1.5]) {
      const handle = await path.begin(chat({ countInputTokens: count }))
      expect((await finops.spend({ policy: 'team' })).reserved).toBe(0.0035)
      handle.fail(new Error('provider down'))
    }
  })

  it('asks for no count without guards: the call begins synchronously', () => {
    const { path } = engine()
    const count = vi.fn(async () => 10_000)
    const handle = path.begin(chat({ countInputTokens: count }))
    expect(handle).not.toBeInstanceOf(Promise)
    expect(count).not.toHaveBeenCalled()
  })
})

describe('callPathOf', () => {
  it('uses the process-wide default engine when given none', () => {
    expect(callPathOf()).toBe(callPathOf())
  })

  it('rejects something that is not an engine', () => {
    expect(() => callPathOf({} as never)).toThrow('finops: expected an engine created by createFinOps()')
  })
})

describe('createFinOps currency from the policy file and the environment', () => {
  afterEach(() => vi.unstubAllEnvs())

  function policyFile(yaml: string): string {
    const path = join(mkdtempSync(join(tmpdir(), 'finops-currency-')), 'policies.yaml')
    writeFileSync(path, yaml)
    return path
  }
  const eurBudget = 'policies:\n  - key: team-cap\n    limits:\n      budget: { period: monthly, hard_limit_eur: 100 }\n'

  it('takes currency and exchange_rates from the policy file of a zero-config engine', async () => {
    vi.stubEnv('FINOPS_POLICY_FILE', policyFile(`currency: EUR\nexchange_rates: { EUR: 0.92 }\n${eurBudget}`))
    const finops = createFinOps({ tracerProvider })
    expect(finops.currency).toBe('EUR')
    expect(await finops.spend({ policy: 'team-cap' })).toMatchObject({ hardLimit: 100, currency: 'EUR' })
  })

  it('takes the exchange rates of a EUR policy file from FINOPS_EXCHANGE_RATES', async () => {
    vi.stubEnv('FINOPS_POLICY_FILE', policyFile(eurBudget))
    vi.stubEnv('FINOPS_EXCHANGE_RATES', 'EUR=0.92')
    vi.stubEnv('FINOPS_CURRENCY', 'EUR')
    const finops = createFinOps({ tracerProvider })
    expect(await finops.spend({ policy: 'team-cap' })).toMatchObject({ hardLimit: 100, currency: 'EUR' })
  })

  it('rejects a currency option that contradicts the policy file', () => {
    const policies = policyFile(`currency: EUR\nexchange_rates: { EUR: 0.92 }\n${eurBudget}`)
    expect(() => createFinOps({ policies, currency: 'USD' })).toThrow(ConfigError)
    expect(() => createFinOps({ policies, currency: 'USD' })).toThrow(/conflicts with the policy file's currency: EUR/)
  })
})
