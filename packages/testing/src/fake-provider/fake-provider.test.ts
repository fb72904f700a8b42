import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let openai: OpenAI
let anthropic: Anthropic

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
  anthropic = new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test' })
})
beforeEach(() => provider.reset())
afterAll(() => provider.close())

const chat = { model: 'gpt-4o', messages: [{ role: 'user' as const, content: 'Hi' }] }
const message = { model: 'claude-sonnet-4-6', max_tokens: 32, messages: [{ role: 'user' as const, content: 'Hi' }] }

describe('fakeProvider', () => {
  it('listens on a free port of 127.0.0.1 and derives both base URLs', () => {
    expect(provider.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(provider.openaiBaseURL).toBe(`${provider.url}/v1`)
    expect(provider.anthropicBaseURL).toBe(provider.url)
  })

  it('records method, path, headers and parsed body in arrival order', async () => {
    await openai.chat.completions.create(chat)
    await anthropic.messages.create(message)
    expect(provider.requests.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/messages'])
    expect(provider.requests[0]).toMatchObject({ method: 'POST', body: chat, headers: { authorization: 'Bearer test' } })
    expect(provider.requests[1]?.headers['anthropic-version']).toEqual(expect.any(String))
  })

  it('fails the first attempts so the OpenAI SDK retries, honouring retry-after', async () => {
    provider.failNext({ status: 429, retryAfter: 0.01, times: 2 })
    const completion = await openai.chat.completions.create(chat)
    expect(completion.choices[0]?.message.content).toMatch(/^Hello/)
    expect(provider.requests).toHaveLength(3)
  })

  it('fails the first attempts so the Anthropic SDK retries', async () => {
    provider.failNext({ status: 529, retryAfter: 0.01 })
    const result = await anthropic.messages.create(message)
    expect(result.type).toBe('message')
    expect(provider.requests).toHaveLength(2)
  })

  it('answers failures in each provider error shape with the retry-after header', async () => {
    provider.failNext({ status: 429, retryAfter: 7, times: 2 })
    const openaiError = await openai.chat.completions.create(chat, { maxRetries: 0 }).catch((error: unknown) => error)
    expect(openaiError).toBeInstanceOf(OpenAI.RateLimitError)
    expect((openaiError as InstanceType<typeof OpenAI.RateLimitError>).headers.get('retry-after')).toBe('7')
    expect((openaiError as InstanceType<typeof OpenAI.RateLimitError>).code).toBe('rate_limit_exceeded')
    const anthropicError = await anthropic.messages.create(message, { maxRetries: 0 }).catch((error: unknown) => error)
    expect(anthropicError).toBeInstanceOf(Anthropic.RateLimitError)
    expect((anthropicError as InstanceType<typeof Anthropic.RateLimitError>).error).toMatchObject({
      type: 'error',
      error: { type: 'rate_limit_error' },
    })
  })

  it('sends a custom failure body as given', async () => {
    provider.failNext({ status: 500, body: { error: { message: 'boom', type: 'server_error', code: 'x' } } })
    const error = await openai.chat.completions.create(chat, { maxRetries: 0 }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    expect((error as InstanceType<typeof OpenAI.InternalServerError>).message).toBe('500 boom')
  })

  it('cuts the next OpenAI stream so iterating it throws', async () => {
    provider.cutNextStream({ afterChunks: 3 })
    const stream = await openai.chat.completions.create({ ...chat, stream: true })
    const received: unknown[] = []
    await expect(
      (async () => {
        for await (const chunk of stream) received.push(chunk)
      })(),
    ).rejects.toThrow()
    expect(received).toHaveLength(3)
    const next = await openai.chat.completions.create({ ...chat, stream: true })
    let count = 0
    for await (const _chunk of next) count += 1
    expect(count).toBe(18)
  })

  it('cuts the next Anthropic stream so finalMessage rejects', async () => {
    provider.cutNextStream({ afterChunks: 4 })
    await expect(anthropic.messages.stream(message).finalMessage()).rejects.toThrow()
  })

  it('cuts the next Responses stream so finalResponse rejects', async () => {
    provider.cutNextStream({ afterChunks: 5 })
    await expect(openai.responses.stream({ model: 'gpt-4.1', input: 'Hi' }).finalResponse()).rejects.toThrow()
  })

  it('delays responses by the configured latency', async () => {
    provider.setLatency(60)
    const started = performance.now()
    await openai.chat.completions.create(chat)
    expect(performance.now() - started).toBeGreaterThanOrEqual(55)
  })

  it('answers unknown routes with 404', async () => {
    const error = await openai.models.list().catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.NotFoundError)
  })

  it('uses deterministic ids that restart after reset', async () => {
    const first = await openai.chat.completions.create(chat)
    provider.reset()
    const second = await openai.chat.completions.create(chat)
    expect(second.id).toBe(first.id)
    expect(provider.requests).toHaveLength(1)
  })

  it('clears knobs on reset', async () => {
    provider.failNext({ status: 500, times: 5 })
    provider.setUsage({ cachedTokens: 4 })
    provider.setReplyWords(1)
    provider.reset()
    const completion = await openai.chat.completions.create(chat)
    expect(completion.usage?.completion_tokens).toBe(16)
    expect(completion.usage?.prompt_tokens_details?.cached_tokens).toBe(0)
  })

  it('closes with open keep-alive connections', async () => {
    const other = await fakeProvider({ port: 0, host: '127.0.0.1' })
    const client = new OpenAI({ baseURL: other.openaiBaseURL, apiKey: 'test', maxRetries: 0 })
    await client.chat.completions.create(chat)
    await other.close()
    await expect(client.chat.completions.create(chat)).rejects.toBeInstanceOf(OpenAI.APIConnectionError)
  })
})
