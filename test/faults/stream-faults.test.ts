// Streams cut at every chunk position, consumers that leave early or throw: the caller sees exactly
// what an unwrapped client sees, every span ends, and the ledger balances after each call.
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { SpanStatusCode } from '@opentelemetry/api'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { caught, describeError, drain, expectLedgerBalanced, faultRig, messages, type FaultRig } from './fault-harness.js'

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => provider.reset())

// 16 reply words: role chunk + 16 word chunks + finish chunk + usage chunk + [DONE] = 20 events.
const chatEvents = 20
// Responses: 16 words + 8 events.
const responseEvents = 24

/** The GenAI spans finished so far, after pending settlements. */
async function spans(rig: FaultRig) {
  await rig.finops.flush()
  return rig.exporter.getFinishedSpans().filter((span) => span.attributes['gen_ai.operation.name'] !== undefined)
}

describe('chat streams cut by the connection', () => {
  it('at every chunk position the caller sees what an unwrapped client sees, and the ledger balances', async () => {
    const rig = faultRig(provider)
    const plain = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 })
    const body = { model: 'gpt-4o', messages, stream: true as const, stream_options: { include_usage: true } }
    for (let position = 0; position <= chatEvents; position++) {
      provider.cutNextStream({ afterChunks: position })
      const expected = await drain(await plain.chat.completions.create(body))
      provider.cutNextStream({ afterChunks: position })
      const actual = await drain(await rig.openai.chat.completions.create(body))
      expect({ position, chunks: actual.chunks, error: describeError(actual.error) }).toEqual({
        position,
        chunks: expected.chunks,
        error: describeError(expected.error),
      })
      const finished = await spans(rig)
      expect(finished, `span of position ${position}`).toHaveLength(position + 1)
      const span = finished[position]!
      expect(span.status.code).toBe(actual.error === undefined ? SpanStatusCode.UNSET : SpanStatusCode.ERROR)
      const record = rig.records[position]!
      expect(record.status).toBe(actual.error === undefined ? 'ok' : 'error')
      await expectLedgerBalanced(rig)
    }
    expect(rig.records).toHaveLength(chatEvents + 1)
  })

  it('with usage injected by the wrapper, no cut position leaks a usage-only chunk or a reservation', async () => {
    const rig = faultRig(provider)
    for (let position = 0; position <= chatEvents; position++) {
      provider.cutNextStream({ afterChunks: position })
      const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
      const error = await caught(async () => {
        for await (const chunk of stream) expect(chunk.choices[0], `position ${position}`).toBeDefined()
      })
      const record = rig.records.at(-1)!
      await rig.finops.flush()
      expect(rig.records).toHaveLength(position + 1)
      // Usage is exact once its chunk arrived (position 19 and later); before that it is estimated.
      expect(record.estimated, `position ${position}`).toBe(position < chatEvents - 1)
      if (error !== undefined) expect(record.status).toBe('error')
      await expectLedgerBalanced(rig)
    }
  })

  it('a cut stream is charged its estimated partial cost, not nothing', async () => {
    const rig = faultRig(provider)
    provider.cutNextStream({ afterChunks: 10 })
    const result = await drain(await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
    expect(result.error).toBeInstanceOf(Error)
    const [span] = await spans(rig)
    expect(span?.attributes['finops.usage.estimated']).toBe(true)
    expect(rig.records[0]?.cost?.usdNanos).toBeGreaterThan(0)
    await expectLedgerBalanced(rig)
  })
})

describe('responses streams cut by the connection', () => {
  it('at every event position the caller sees what an unwrapped client sees, and the ledger balances', async () => {
    const rig = faultRig(provider)
    const plain = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 })
    const body = { model: 'gpt-4o', input: 'one two three four', stream: true as const }
    for (let position = 0; position <= responseEvents; position++) {
      provider.cutNextStream({ afterChunks: position })
      const expected = await drain(await plain.responses.create(body))
      provider.cutNextStream({ afterChunks: position })
      const actual = await drain(await rig.openai.responses.create(body))
      expect({ position, chunks: actual.chunks, error: describeError(actual.error) }).toEqual({
        position,
        chunks: expected.chunks,
        error: describeError(expected.error),
      })
      const span = (await spans(rig))[position]!
      expect(span.status.code).toBe(actual.error === undefined ? SpanStatusCode.UNSET : SpanStatusCode.ERROR)
      await expectLedgerBalanced(rig)
    }
  })
})

describe('consumers that leave early', () => {
  it('a break after every chunk position succeeds, ends the span and balances the ledger', async () => {
    const rig = faultRig(provider)
    for (let position = 1; position <= chatEvents - 2; position++) {
      const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
      let seen = 0
      for await (const chunk of stream) {
        void chunk
        if (++seen === position) break
      }
      expect(seen).toBe(position)
      const finished = await spans(rig)
      expect(finished).toHaveLength(position)
      expect(finished[position - 1]!.status.code).toBe(SpanStatusCode.UNSET)
      expect(rig.records[position - 1]).toMatchObject({ status: 'ok', estimated: true })
      await expectLedgerBalanced(rig)
    }
  })

  it('a consumer that throws inside for await gets its own error back; the call succeeds with what was seen', async () => {
    const rig = faultRig(provider)
    const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const mine = new Error('consumer failed')
    const error = await caught(async () => {
      let seen = 0
      for await (const chunk of stream) {
        void chunk
        if (++seen === 5) throw mine
      }
    })
    expect(error).toBe(mine)
    const [span] = await spans(rig)
    expect(span?.status.code).toBe(SpanStatusCode.UNSET)
    expect(rig.records[0]).toMatchObject({ status: 'ok', estimated: true })
    await expectLedgerBalanced(rig)
  })

  it('a consumer that calls return() on the iterator settles the call', async () => {
    const rig = faultRig(provider)
    const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const iterator = stream[Symbol.asyncIterator]()
    await iterator.next()
    await iterator.return?.()
    expect(await spans(rig)).toHaveLength(1)
    await expectLedgerBalanced(rig)
  })

  it('both branches of tee() read to the end settle the call once at its exact cost', async () => {
    const rig = faultRig(provider)
    const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const [left, right] = stream.tee()
    const [a, b] = await Promise.all([drain(left), drain(right)])
    expect(a.chunks).toBe(b.chunks)
    expect(await spans(rig)).toHaveLength(1)
    expect(rig.records).toMatchObject([{ status: 'ok', estimated: false }])
    await expectLedgerBalanced(rig)
  })

  it('a stream cancelled through toReadableStream() settles the call', async () => {
    const rig = faultRig(provider)
    const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const reader = stream.toReadableStream().getReader()
    await reader.read()
    await reader.cancel()
    expect(await spans(rig)).toHaveLength(1)
    await expectLedgerBalanced(rig)
  })

  it('many concurrent streams, each cut, broken or completed, leave nothing reserved or in flight', async () => {
    const rig = faultRig(provider)
    const runs = Array.from({ length: 30 }, async (_, index) => {
      const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
      let seen = 0
      try {
        for await (const chunk of stream) {
          void chunk
          if (index % 3 === 0 && ++seen === 4) break
          if (index % 3 === 1 && ++seen === 6) throw new Error('consumer')
        }
      } catch {
        // the consumer's own error
      }
    })
    await Promise.all(runs)
    expect(await spans(rig)).toHaveLength(30)
    await expectLedgerBalanced(rig)
  })
})
