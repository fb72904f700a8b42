// Telemetry and bookkeeping that throw — exporter, span processor, tracer, meter, onEvent, onUsage —
// never reach the caller, never stop settlement, and are logged through OTel diag.
import { LimitExceededError, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { diag, SpanStatusCode, type Meter, type MeterProvider, type TracerProvider } from '@opentelemetry/api'
import { MeterProvider as SdkMeterProvider, MetricReader } from '@opentelemetry/sdk-metrics'
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan, type SpanProcessor } from '@opentelemetry/sdk-trace-base'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { caught, drain, expectLedgerBalanced, faultRig, messages, onlySpan, RecordingDiagLogger, type FaultRig } from './fault-harness.js'

let provider: FakeProvider
let logger: RecordingDiagLogger
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
beforeEach(() => {
  logger = new RecordingDiagLogger().install()
})
afterEach(() => {
  provider.reset()
  diag.disable()
})

/** One plain call, one completed stream, one cut stream and one provider error: every path that settles. */
async function everyCallShape(rig: FaultRig): Promise<void> {
  const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
  expect(completion.choices[0]?.message.content).toBeTruthy()
  expect(await drain(await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))).toEqual({ chunks: 18, error: undefined })
  provider.cutNextStream({ afterChunks: 4 })
  const cut = await drain(await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
  expect(cut.chunks).toBe(4)
  provider.failNext({ status: 500 })
  expect(((await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))) as { status?: number }).status).toBe(500)
}

class ThrowingExporter extends InMemorySpanExporter {
  override export(): void {
    throw new Error('exporter down (injected)')
  }
}

/** `ExportResultCode.FAILED` of `@opentelemetry/core` (not a direct dependency here). */
const exportFailed = 1

class FailingExporter extends InMemorySpanExporter {
  override export(_spans: ReadableSpan[], done: (result: { code: number; error?: Error }) => void): void {
    done({ code: exportFailed, error: new Error('export failed (injected)') })
  }
}

const throwingProcessor = (where: 'onStart' | 'onEnd'): SpanProcessor => ({
  onStart() {
    if (where === 'onStart') throw new Error('processor onStart (injected)')
  },
  onEnd() {
    if (where === 'onEnd') throw new Error('processor onEnd (injected)')
  },
  forceFlush: () => Promise.resolve(),
  shutdown: () => Promise.resolve(),
})

describe('span export failures', () => {
  it('an exporter that throws: calls, spans of other processors and the ledger are unaffected', async () => {
    const rig = faultRig(provider, { trailingSpanProcessors: [new SimpleSpanProcessor(new ThrowingExporter())] })
    await everyCallShape(rig)
    await rig.finops.flush()
    expect(rig.exporter.getFinishedSpans()).toHaveLength(4)
    await expectLedgerBalanced(rig)
  })

  it('an exporter that reports failure: calls and the ledger are unaffected', async () => {
    const rig = faultRig(provider, { trailingSpanProcessors: [new SimpleSpanProcessor(new FailingExporter())] })
    await everyCallShape(rig)
    await expectLedgerBalanced(rig)
  })

  it('a span processor that throws in onStart: calls go on and settle, the failure is logged', async () => {
    const rig = faultRig(provider, { spanProcessors: [throwingProcessor('onStart')] })
    await everyCallShape(rig)
    expect(rig.records).toHaveLength(4)
    await expectLedgerBalanced(rig)
  })

  it('a span processor that throws in onEnd: calls go on and settle, metrics and records still emitted', async () => {
    const rig = faultRig(provider, { spanProcessors: [throwingProcessor('onEnd')] })
    await everyCallShape(rig)
    expect(rig.records.map((record) => record.status)).toEqual(['ok', 'ok', 'error', 'error'])
    await expectLedgerBalanced(rig)
  })

  it('a tracer provider whose getTracer throws: calls go on unobserved by spans but settled', async () => {
    const tracerProvider: TracerProvider = {
      getTracer() {
        throw new Error('getTracer (injected)')
      },
    }
    const rig = faultRig(provider, { engine: { tracerProvider } })
    await everyCallShape(rig)
    expect(rig.records).toHaveLength(4)
    await expectLedgerBalanced(rig)
    expect(logger.messages.some((entry) => entry.level === 'warn' && entry.message.includes('telemetry'))).toBe(true)
  })

  it('a tracer whose spans throw on every method: the call is unaffected and settled', async () => {
    const angry = () => {
      throw new Error('span method (injected)')
    }
    const span = new Proxy({}, { get: (_, name) => (name === 'isRecording' ? () => true : angry) })
    const tracerProvider: TracerProvider = {
      getTracer: () => ({ startSpan: () => span as never, startActiveSpan: angry as never }),
    }
    const rig = faultRig(provider, { engine: { tracerProvider } })
    await everyCallShape(rig)
    await expectLedgerBalanced(rig)
  })
})

describe('metric failures', () => {
  class ManualReader extends MetricReader {
    protected override onForceFlush(): Promise<void> {
      return Promise.resolve()
    }
    protected override onShutdown(): Promise<void> {
      return Promise.resolve()
    }
  }

  it('a meter provider whose getMeter throws: calls go on and settle', async () => {
    const meterProvider: MeterProvider = {
      getMeter() {
        throw new Error('getMeter (injected)')
      },
    }
    const rig = faultRig(provider, { engine: { meterProvider } })
    await everyCallShape(rig)
    await expectLedgerBalanced(rig)
  })

  it('instruments that throw on record: calls go on, spans end with the right status, the ledger balances', async () => {
    const real = new SdkMeterProvider({ readers: [new ManualReader()] })
    const throwingInstrument = new Proxy(
      {},
      {
        get: () => () => {
          throw new Error('instrument (injected)')
        },
      },
    )
    const meter = new Proxy(real.getMeter('x'), {
      get: (target, name) => (typeof name === 'string' && name.startsWith('create') ? () => throwingInstrument : Reflect.get(target, name)),
    }) as Meter
    const meterProvider: MeterProvider = { getMeter: () => meter }
    const rig = faultRig(provider, { engine: { meterProvider } })
    await everyCallShape(rig)
    await rig.finops.flush()
    expect(rig.exporter.getFinishedSpans().map((span) => span.status.code)).toEqual([
      SpanStatusCode.UNSET,
      SpanStatusCode.UNSET,
      SpanStatusCode.ERROR,
      SpanStatusCode.ERROR,
    ])
    await expectLedgerBalanced(rig)
    expect(logger.messages.some((entry) => entry.level === 'warn' && entry.message.includes('telemetry'))).toBe(true)
  })
})

describe('callbacks that throw', () => {
  it('onEvent that throws on every event: calls and typed denials are unchanged', async () => {
    const rig = faultRig(provider, {
      engine: {
        onEvent: () => {
          throw new Error('onEvent (injected)')
        },
        // Unpriced calls under a hard budget are sent (cost null) rather than rejected, so the
        // unknown model below fires `unknown_price` through the throwing onEvent.
        unknownPrice: 'allow',
        // A tiny hard budget next to the ledger: the first call passes, later ones are denied.
        policies: [
          { key: 'ledger', limits: { max_concurrent: 1_000, budget: { period: 'total', hard_limit_usd: 1_000 } } },
          { key: 'tiny', limits: { budget: { period: 'total', soft_limit_usd: 0.000_001, hard_limit_usd: 0.02 } } },
        ],
      },
    })
    await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 16 })
    // An unknown model fires `unknown_price` (cost null); it is still sent.
    await rig.openai.chat.completions.create({ model: 'no-such-model-xyz', messages, max_tokens: 16 })
    const denied = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 4_000_000 }))
    expect(LimitExceededError.isInstance(denied)).toBe(true)
    expect(provider.requests).toHaveLength(2)
    await expectLedgerBalanced(rig)
    expect(logger.messages.filter((entry) => entry.message.includes('onEvent')).length).toBeGreaterThan(0)
  })

  it('onUsage sinks that throw or reject: the other sinks still get every record, flush resolves, the ledger balances', async () => {
    const kept: UsageRecord[] = []
    const rig = faultRig(provider, {
      engine: {
        onUsage: [
          () => {
            throw new Error('sink (injected)')
          },
          () => Promise.reject(new Error('async sink (injected)')),
          (record) => void kept.push(record),
        ],
      },
    })
    await everyCallShape(rig)
    await rig.finops.flush()
    expect(kept).toHaveLength(4)
    await expectLedgerBalanced(rig, kept)
    // Four synchronous throws and four rejections, each logged once at error level.
    expect(logger.messages.filter((entry) => entry.level === 'error')).toHaveLength(8)
  })

  it('a slow async sink is awaited by flush and never delays the caller', async () => {
    const kept: UsageRecord[] = []
    const rig = faultRig(provider, {
      engine: {
        onUsage: (record) =>
          new Promise<void>((resolve) =>
            setTimeout(() => {
              kept.push(record)
              resolve()
            }, 50),
          ),
      },
    })
    const started = performance.now()
    await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(performance.now() - started).toBeLessThan(50 + 1_000)
    expect(kept).toHaveLength(0)
    await rig.finops.flush()
    expect(kept).toHaveLength(1)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.UNSET)
    await expectLedgerBalanced(rig, kept)
  })
})
