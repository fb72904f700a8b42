// Shared setup of the fault-injection suite: the real `openai` client over HTTP against
// fakeProvider(), the real engine with a budget + rpm + concurrency policy on a memory store that
// can be made to fail, and the real OTel SDK recording spans in memory.
import { createFinOps, memoryStore, type FinOps, type FinOpsEvent, type FinOpsOptions, type Store, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import type { FakeProvider } from '@finops-ai/testing'
import { diag, DiagLogLevel, type DiagLogger } from '@opentelemetry/api'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { expect } from 'vitest'

/** The one policy every fault test settles against: a total budget, a request rate and a concurrency cap. */
export const LEDGER_POLICY = 'ledger'
export const ledgerPolicy = {
  key: LEDGER_POLICY,
  limits: {
    requests_per_minute: 100_000,
    max_concurrent: 1_000,
    budget: { period: 'total' as const, hard_limit_usd: 1_000 },
  },
}

/** When a {@link FlakyStore} operation fails: before touching the inner store (nothing applied) or after (applied, answer lost). */
export type FailureTiming = 'before' | 'after'

/**
 * A store double around `memoryStore()` that throws on demand, as a remote store does when it times
 * out: `failReserve`/`failSettle` make the next N operations throw, before or after the inner store
 * applied them.
 */
export class FlakyStore implements Store {
  readonly inner = memoryStore()
  private reserveFailures: { times: number; timing: FailureTiming } = { times: 0, timing: 'before' }
  private settleFailures: { times: number; timing: FailureTiming } = { times: 0, timing: 'before' }
  settleCalls = 0

  failReserve(times = 1, timing: FailureTiming = 'before'): void {
    this.reserveFailures = { times, timing }
  }

  failSettle(times = 1, timing: FailureTiming = 'before'): void {
    this.settleFailures = { times, timing }
  }

  reserve(request: Parameters<Store['reserve']>[0]): ReturnType<Store['reserve']> {
    return this.run(this.reserveFailures, () => this.inner.reserve(request))
  }

  settle(request: Parameters<Store['settle']>[0]): ReturnType<Store['settle']> {
    this.settleCalls += 1
    return this.run(this.settleFailures, () => this.inner.settle(request))
  }

  read(request: Parameters<Store['read']>[0]): ReturnType<Store['read']> {
    return this.inner.read(request)
  }

  private run<T>(failures: { times: number; timing: FailureTiming }, operation: () => T): T {
    if (failures.times <= 0) return operation()
    failures.times -= 1
    if (failures.timing === 'after') operation()
    throw new Error('store unavailable (injected)')
  }
}

/** A diag logger that keeps every message (and its arguments) at every level. */
export class RecordingDiagLogger implements DiagLogger {
  readonly messages: { level: string; message: string; args: unknown[] }[] = []
  error = (message: string, ...args: unknown[]) => void this.messages.push({ level: 'error', message, args })
  warn = (message: string, ...args: unknown[]) => void this.messages.push({ level: 'warn', message, args })
  info = (message: string, ...args: unknown[]) => void this.messages.push({ level: 'info', message, args })
  debug = (message: string, ...args: unknown[]) => void this.messages.push({ level: 'debug', message, args })
  verbose = (message: string, ...args: unknown[]) => void this.messages.push({ level: 'verbose', message, args })

  /** Installs this logger as the global `diag` logger at ALL levels. */
  install(): this {
    diag.setLogger(this, { logLevel: DiagLogLevel.ALL, suppressOverrideMessage: true })
    return this
  }
}

/** One engine under test with everything it emitted. */
export interface FaultRig {
  finops: FinOps
  store: FlakyStore
  openai: OpenAI
  exporter: InMemorySpanExporter
  tracerProvider: BasicTracerProvider
  records: UsageRecord[]
  events: FinOpsEvent[]
}

export interface FaultRigOptions {
  /** Client options merged over `{ baseURL, apiKey }`. */
  client?: ConstructorParameters<typeof OpenAI>[0]
  /** Engine options merged over the rig's. */
  engine?: Partial<FinOpsOptions>
  /** Span processors placed before the recording one. */
  spanProcessors?: SpanProcessor[]
  /** Span processors placed after the recording one. */
  trailingSpanProcessors?: SpanProcessor[]
}

/** Builds a fresh engine, store, tracer provider and wrapped client against `provider`. */
export function faultRig(provider: FakeProvider, options: FaultRigOptions = {}): FaultRig {
  const exporter = new InMemorySpanExporter()
  const tracerProvider = new BasicTracerProvider({
    spanProcessors: [...(options.spanProcessors ?? []), new SimpleSpanProcessor(exporter), ...(options.trailingSpanProcessors ?? [])],
  })
  const store = new FlakyStore()
  const records: UsageRecord[] = []
  const events: FinOpsEvent[] = []
  const finops = createFinOps({
    store,
    policies: [ledgerPolicy],
    tracerProvider,
    onUsage: (record) => void records.push(record),
    onEvent: (event) => void events.push(event),
    ...options.engine,
  })
  const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0, ...options.client }), { finops })
  return { finops, store, openai, exporter, tracerProvider, records, events }
}

/** Nano-USD the store holds for the ledger policy (reserved, spent) and calls still in flight. */
export function ledgerState(store: Store): { spentNanos: number; reservedNanos: number; inFlight: number } {
  const readings = store.read({
    counters: [
      { kind: 'budget', key: `${LEDGER_POLICY}:budget`, period: 'total' },
      { kind: 'concurrency', key: `${LEDGER_POLICY}:concurrent` },
    ],
  }) as Awaited<ReturnType<Store['read']>>
  const [budget, concurrency] = readings
  if (budget?.kind !== 'budget' || concurrency?.kind !== 'concurrency') throw new Error('unexpected readings')
  return { spentNanos: budget.spent, reservedNanos: budget.reserved, inFlight: concurrency.inFlight }
}

/** Sum of the exact costs of the usage records (nano-USD); unknown prices count 0. */
export function recordedNanos(records: readonly UsageRecord[]): number {
  return records.reduce((sum, record) => sum + (record.cost?.usdNanos ?? 0), 0)
}

/**
 * After pending settlements: nothing reserved, no call in flight, and the spent budget equals the
 * sum of the actual costs of the recorded calls — through the public `spend()` too.
 */
export async function expectLedgerBalanced(rig: FaultRig, countedRecords: readonly UsageRecord[] = rig.records): Promise<void> {
  await rig.finops.flush()
  const state = ledgerState(rig.store.inner)
  expect(state.reservedNanos, 'reserved nano-USD').toBe(0)
  expect(state.inFlight, 'calls in flight').toBe(0)
  expect(state.spentNanos, 'spent nano-USD vs sum of usage records').toBe(recordedNanos(countedRecords))
  const spend = await rig.finops.spend({ policy: LEDGER_POLICY })
  expect(spend.reserved).toBe(0)
  expect(Math.round(spend.spent * 1e9)).toBe(recordedNanos(countedRecords))
}

/** The single GenAI span the test produced, after pending settlements. */
export async function onlySpan(rig: FaultRig): Promise<ReadableSpan> {
  await rig.finops.flush()
  const spans = rig.exporter.getFinishedSpans().filter((span) => span.attributes['gen_ai.operation.name'] !== undefined)
  expect(spans, 'GenAI spans').toHaveLength(1)
  return spans[0]!
}

/** What a caller observed from a call: its value (or chunk count) and the error it got. */
export interface Observed {
  chunks: number
  error: unknown
}

/** Runs `work` and captures its error (or `undefined`). */
export async function caught(work: () => Promise<unknown>): Promise<unknown> {
  try {
    await work()
    return undefined
  } catch (error) {
    return error
  }
}

/** Iterates a stream to its end (or error), counting chunks. */
export async function drain(stream: AsyncIterable<unknown>): Promise<Observed> {
  let chunks = 0
  try {
    for await (const chunk of stream) {
      void chunk
      chunks++
    }
    return { chunks, error: undefined }
  } catch (error) {
    return { chunks, error }
  }
}

/** A comparable description of an error: its class and message (or `undefined`). */
export function describeError(error: unknown): string | undefined {
  if (error === undefined) return undefined
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}`
  return String(error)
}

export const messages = [{ role: 'user' as const, content: 'one two three four five six seven eight' }]
