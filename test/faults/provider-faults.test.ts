// Provider failures (429, 500, timeouts, aborts) through the real openai client and engine: the
// caller sees the SDK's own behaviour, the span ends with the right status, the ledger balances.
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { SpanStatusCode } from '@opentelemetry/api'
import { withFinOps } from '@finops-ai/openai'
import OpenAI from 'openai'
import OpenAIv5 from 'openai-v5'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { caught, expectLedgerBalanced, faultRig, messages, onlySpan } from './fault-harness.js'

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => provider.reset())

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('provider errors', () => {
  it('a 429 without retries reaches the caller as RateLimitError, ends the span in error and costs nothing', async () => {
    const rig = faultRig(provider)
    provider.failNext({ status: 429, retryAfter: 0.01 })
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect(error).toBeInstanceOf(OpenAI.RateLimitError)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe('429')
    expect(rig.records).toMatchObject([{ status: 'error', errorType: '429', cost: { usdNanos: 0 } }])
    await expectLedgerBalanced(rig)
  })

  it('429s the SDK retries through settle once, at the cost of the successful attempt', async () => {
    const rig = faultRig(provider, { client: { maxRetries: 3 } })
    provider.failNext({ status: 429, retryAfter: 0.01, times: 2 })
    const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages })
    expect(completion.choices[0]?.message.content).toBeTruthy()
    expect(provider.requests).toHaveLength(3)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    expect(rig.records).toHaveLength(1)
    expect(rig.records[0]?.cost?.usdNanos).toBeGreaterThan(0)
    await expectLedgerBalanced(rig)
  })

  it.each([500, 502, 503, 529])('a %i reaches the caller as the SDK error class for it and costs nothing', async (status) => {
    const rig = faultRig(provider)
    provider.failNext({ status })
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect(error).toBeInstanceOf(OpenAI.APIError)
    expect((error as InstanceType<typeof OpenAI.APIError>).status).toBe(status)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(span.attributes['error.type']).toBe(String(status))
    await expectLedgerBalanced(rig)
  })

  it('a 400 on a stream request fails before any chunk and costs nothing', async () => {
    const rig = faultRig(provider)
    provider.failNext({ status: 400 })
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }))
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    await expectLedgerBalanced(rig)
  })

  it('the same errors reach a wrapped and an unwrapped client', async () => {
    const rig = faultRig(provider)
    const plain = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 })
    for (const status of [400, 401, 403, 404, 409, 422, 429, 500]) {
      provider.failNext({ status })
      const expected = await caught(() => plain.chat.completions.create({ model: 'gpt-4o', messages }))
      provider.failNext({ status })
      const actual = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
      expect(actual?.constructor).toBe(expected?.constructor)
      expect((actual as Error).message).toBe((expected as Error).message)
    }
    await expectLedgerBalanced(rig)
  })
})

describe('timeouts', () => {
  it('a client timeout reaches the caller as APIConnectionTimeoutError and settles nothing', async () => {
    const rig = faultRig(provider, { client: { timeout: 50 } })
    provider.setLatency(400)
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.ERROR)
    expect(rig.records).toMatchObject([{ status: 'error', cost: { usdNanos: 0 } }])
    await expectLedgerBalanced(rig)
  })

  it('timeouts the SDK retries stay inside one span and settle once', async () => {
    const rig = faultRig(provider, { client: { timeout: 50, maxRetries: 1 } })
    provider.setLatency(400)
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    expect(rig.records).toHaveLength(1)
    await expectLedgerBalanced(rig)
  })

  it('a per-request timeout on a stream fails the call before any chunk', async () => {
    const rig = faultRig(provider)
    provider.setLatency(400)
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }, { timeout: 50 }))
    expect(error).toBeInstanceOf(OpenAI.APIConnectionTimeoutError)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    await expectLedgerBalanced(rig)
  })

  it('a connection refused (nothing listening) reaches the caller as APIConnectionError', async () => {
    const closed = await fakeProvider()
    const baseURL = closed.openaiBaseURL
    await closed.close()
    const rig = faultRig(provider, { client: { baseURL } })
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }))
    expect(error).toBeInstanceOf(OpenAI.APIConnectionError)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    await expectLedgerBalanced(rig)
  })
})

describe('abort signals', () => {
  it('a signal aborted before the call: APIUserAbortError, nothing settled', async () => {
    const rig = faultRig(provider)
    const controller = new AbortController()
    controller.abort()
    const error = await caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }, { signal: controller.signal }))
    expect(error).toBeInstanceOf(OpenAI.APIUserAbortError)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    await expectLedgerBalanced(rig)
  })

  it('a signal aborted while the request waits for its response: APIUserAbortError, nothing settled', async () => {
    const rig = faultRig(provider)
    provider.setLatency(300)
    const controller = new AbortController()
    const pending = caught(() => rig.openai.chat.completions.create({ model: 'gpt-4o', messages }, { signal: controller.signal }))
    await sleep(30)
    controller.abort()
    expect(await pending).toBeInstanceOf(OpenAI.APIUserAbortError)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.ERROR)
    await expectLedgerBalanced(rig)
  })

  it('a signal aborted while a stream is being read ends it early; the call succeeds with what was seen', async () => {
    const rig = faultRig(provider)
    const controller = new AbortController()
    const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true }, { signal: controller.signal })
    let chunks = 0
    const error = await caught(async () => {
      for await (const chunk of stream) {
        void chunk
        if (++chunks === 3) controller.abort()
      }
    })
    expect(error === undefined || error instanceof OpenAI.APIUserAbortError || (error as Error).name === 'AbortError').toBe(true)
    const span = await onlySpan(rig)
    expect(span.status.code).toBe(SpanStatusCode.UNSET)
    await expectLedgerBalanced(rig)
  })

  // openai v5 and v6 keep yielding the events already read from the body after an abort; v7 stops.
  // The wrapper's types follow the current major; v5 has the same runtime surface.
  type Options = { baseURL: string; apiKey: string; maxRetries: number; fetch: (url: string | URL | Request, init?: RequestInit) => Promise<Response> }
  const clients: [string, (options: Options) => OpenAI][] = [
    ['openai v5', (options) => new OpenAIv5(options) as unknown as OpenAI],
    ['openai v7', (options) => new OpenAI(options)],
  ]
  it.each(clients)('%s: an abort after chunk 3 while the rest is buffered: the caller gets no more, and is charged for what it got', async (_, clientOf) => {
    // A fetch that reads the whole body before handing it over (as a buffering proxy does): every
    // chunk is already in the SDK's hands when the caller aborts.
    const bufferingFetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const response = await fetch(url, init)
      return new Response(await response.arrayBuffer(), { status: response.status, headers: response.headers })
    }
    const rig = faultRig(provider)
    const client = withFinOps(clientOf({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0, fetch: bufferingFetch }), { finops: rig.finops })
    const controller = new AbortController()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true, stream_options: { include_usage: true } }, { signal: controller.signal })
    const received: OpenAI.ChatCompletionChunk[] = []
    const error = await caught(async () => {
      for await (const chunk of stream) {
        received.push(chunk)
        if (received.length === 3) controller.abort()
      }
    })
    expect(error).toBeUndefined()
    expect(received).toHaveLength(3)
    expect(received.some((chunk) => chunk.usage)).toBe(false)
    const characters = received.reduce((sum, chunk) => sum + (chunk.choices[0]?.delta.content ?? '').length, 0)
    await onlySpan(rig)
    // Output estimated from what the caller received, at 4 characters per token.
    expect(rig.records).toMatchObject([{ status: 'ok', estimated: true, usage: { outputTokens: Math.ceil(characters / 4) } }])
    await expectLedgerBalanced(rig)
  })

  it('a stream whose controller aborts before it is read settles at once', async () => {
    const rig = faultRig(provider)
    const stream = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    stream.controller.abort()
    await onlySpan(rig)
    await expectLedgerBalanced(rig)
  })

  it('a signal aborted after the response arrived changes nothing: the call is settled at its cost', async () => {
    const rig = faultRig(provider)
    const controller = new AbortController()
    const completion = await rig.openai.chat.completions.create({ model: 'gpt-4o', messages }, { signal: controller.signal })
    controller.abort()
    expect(completion.usage?.total_tokens).toBeGreaterThan(0)
    expect((await onlySpan(rig)).status.code).toBe(SpanStatusCode.UNSET)
    expect(rig.records[0]?.cost?.usdNanos).toBeGreaterThan(0)
    await expectLedgerBalanced(rig)
  })
})
