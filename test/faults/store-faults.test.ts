// Store failures on reserve and on settle: fail-open lets the call through flagged, fail-closed
// denies it with a typed error before anything is sent; a settle failure never reaches the caller.
import { LimitExceededError, type StoreDegradedEvent } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { SpanStatusCode } from '@opentelemetry/api'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { caught, drain, expectLedgerBalanced, faultRig, ledgerState, messages, onlySpan, RecordingDiagLogger } from './fault-harness.js'

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => provider.reset())

const degraded = (events: readonly { type: string }[]) => events.filter((event): event is StoreDegradedEvent => event.type === 'store_degraded')

describe('store failure on reserve', () => {
  it('fail-open: the call is sent, flagged on the span, reported once, and nothing is reserved for it', async () => {
    const rig = faultRig(provider)
    rig.store.failReserve()
    const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(completion.choices[0]?.message.content).toBeTruthy()
    expect(provider.requests).toHaveLength(1)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(span.attributes['finops.store.degraded']).toBe(true)
    expect(degraded(rig.events)).toHaveLength(1)
    // A fail-open call is not charged to the budget (the store never held its reservation).
    await expectLedgerBalanced(rig, [])
    // The next call, with the store back, is charged normally.
    await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    await expectLedgerBalanced(rig, rig.records.slice(1))
  })

  it('fail-open on a stream: the caller reads it to the end as usual', async () => {
    const rig = faultRig(provider)
    rig.store.failReserve()
    const result = await drain(await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
    expect(result).toEqual({ chunks: 18, error: undefined })
    await expectLedgerBalanced(rig, [])
  })

  it('fail-closed: a typed denial, nothing sent, the span ended in error', async () => {
    const rig = faultRig(provider, { engine: { onStoreError: 'fail-closed' } })
    rig.store.failReserve()
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect(LimitExceededError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ reason: 'store_unavailable', policy: 'ledger' })
    expect(provider.requests).toHaveLength(0)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(rig.records).toMatchObject([{ status: 'denied', usage: { inputTokens: 0, outputTokens: 0 } }])
    expect(degraded(rig.events)).toHaveLength(1)
    await expectLedgerBalanced(rig)
  })

  it('a store that applied the reservation but lost the answer (timeout after commit) is reported, the call goes through', async () => {
    const rig = faultRig(provider)
    rig.store.failReserve(1, 'after')
    await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(degraded(rig.events)).toHaveLength(1)
    await rig.finops.flush()
    // The orphaned reservation stays in the store: the memory store has no lease expiry. This is the
    // documented limit of fail-open with a store that committed (see docs/reliability.md).
    expect(ledgerState(rig.store.inner).reservedNanos).toBeGreaterThan(0)
  })
})

describe('store failure on settle', () => {
  it('a settle that fails after the store applied it is retried harmlessly: the ledger balances, nothing is reported', async () => {
    const rig = faultRig(provider)
    rig.store.failSettle(1, 'after')
    const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(completion.choices).toHaveLength(1)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    await expectLedgerBalanced(rig)
    expect(degraded(rig.events)).toEqual([])
  })

  it('a settle that fails before the store applied it is retried: the actual cost is counted and nothing stays reserved', async () => {
    const logger = new RecordingDiagLogger().install()
    const rig = faultRig(provider)
    rig.store.failSettle(1, 'before')
    const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(completion.choices).toHaveLength(1)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(rig.records).toMatchObject([{ status: 'ok' }])
    await expectLedgerBalanced(rig)
    expect(degraded(rig.events)).toEqual([])
    expect(logger.messages.filter((entry) => entry.level === 'error')).toEqual([])
  })

  it('a settle that keeps failing is given up after its retries and reported once, never thrown', async () => {
    const rig = faultRig(provider)
    rig.store.failSettle(5, 'before')
    const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(completion.choices).toHaveLength(1)
    await onlySpan(rig)
    expect(degraded(rig.events)).toHaveLength(1)
    // The reservation is left to the store: the memory store holds it; Redis ends it with its lease.
    expect(ledgerState(rig.store.inner).reservedNanos).toBeGreaterThan(0)
  })

  it('a settle failure of a failed call (provider 500) still ends the span with the provider error', async () => {
    const rig = faultRig(provider)
    rig.store.failSettle(1, 'after')
    provider.failNext({ status: 500 })
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect((error as { status?: number }).status).toBe(500)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('500')
    await expectLedgerBalanced(rig)
  })

  it('a settle failure of a stream cut mid-way never reaches the consumer beyond the SDK error', async () => {
    const rig = faultRig(provider)
    rig.store.failSettle(1, 'after')
    provider.cutNextStream({ afterChunks: 5 })
    const result = await drain(await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
    expect(result.chunks).toBe(5)
    expect(result.error).toBeInstanceOf(Error)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    await expectLedgerBalanced(rig)
  })
})
