import Anthropic, { APIPromise, InternalServerError } from '@anthropic-ai/sdk'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { LimitExceededError } from '@finops-ai/core'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { wrapAnthropic } from './wrap-anthropic.js'

const messages = [{ role: 'user' as const, content: 'Say hello to the team' }]
const denial = new LimitExceededError({ reason: 'budget', policy: 'team-a', limit: 10, current: 11 })

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

const newClient = (options: Partial<ConstructorParameters<typeof Anthropic>[0]> = {}) =>
  new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'test', maxRetries: 0, ...options })

function wrapped(options: { countTokens?: boolean; async?: boolean } = {}) {
  const path = new RecordingCallPath({ async: options.async ?? false })
  const client = wrapAnthropic(newClient(), path, { countTokens: options.countTokens ?? false })
  return { path, client }
}

describe('wrapAnthropic', () => {
  it('reads the request and settles the exact usage of a message, cache and thinking included', async () => {
    const { path, client } = wrapped()
    provider.setUsage({ cachedTokens: 100, cacheWriteTokens: 20, cacheWrite1hTokens: 5, reasoningTokens: 3, webSearchRequests: 2 })
    const message = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages, stop_sequences: ['END'] })
    expect(path.requests).toEqual([
      expect.objectContaining({
        provider: 'anthropic',
        operation: 'chat',
        model: 'claude-haiku-4-5',
        stream: false,
        maxOutputTokens: 64,
        parameters: { stopSequences: ['END'] },
        server: { address: '127.0.0.1', port: Number(new URL(provider.url).port) },
      }),
    ])
    // input_tokens 0 (all 125 input tokens are cached or written) + 100 read + 25 written.
    expect(path.calls[0]?.result).toEqual({
      usage: { inputTokens: 125, outputTokens: 19, cacheReadTokens: 100, cacheWriteTokens: 20, cacheWrite1hTokens: 5, reasoningTokens: 3, webSearchRequests: 2 },
      responseId: message.id,
      responseModel: 'claude-haiku-4-5',
      finishReasons: ['end_turn'],
      serviceTier: 'standard',
    })
  })

  it('settles a streamed create from message_start and the cumulative message_delta, counted once', async () => {
    const { path, client } = wrapped()
    provider.setUsage({ cachedTokens: 2, cacheWrite1hTokens: 1 })
    const stream = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages, stream: true })
    let text = ''
    for await (const event of stream) if (event.type === 'content_block_delta' && event.delta.type === 'text_delta') text += event.delta.text
    expect(text.split(' ')).toHaveLength(16)
    // 5 words: input_tokens 2 + 2 read + 1 written for an hour.
    expect(path.calls[0]?.result).toEqual({
      usage: { inputTokens: 5, outputTokens: 16, cacheReadTokens: 2, cacheWrite1hTokens: 1 },
      responseId: expect.stringMatching(/^msg_fake_/),
      responseModel: 'claude-haiku-4-5',
      finishReasons: ['end_turn'],
      serviceTier: 'standard',
    })
    expect(path.calls[0]).toMatchObject({ firstChunks: 1, settlements: 1 })
  })

  it('keeps messages.stream().finalMessage() and its events working', async () => {
    const { path, client } = wrapped()
    const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 4, messages })
    const deltas: string[] = []
    stream.on('text', (delta) => deltas.push(delta))
    const message = await stream.finalMessage()
    expect(deltas).toHaveLength(4)
    expect(message.stop_reason).toBe('max_tokens')
    expect(path.calls).toHaveLength(1)
    expect(path.calls[0]?.result).toMatchObject({ usage: { inputTokens: 5, outputTokens: 4 }, finishReasons: ['max_tokens'] })
    expect(path.calls[0]?.result?.estimated).toBeUndefined()
  })

  it('keeps .withResponse(), .asResponse() and _request_id of the SDK APIPromise', async () => {
    const { path, client } = wrapped()
    const promise = client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    expect(promise).toBeInstanceOf(APIPromise)
    const { data, response, request_id } = await promise.withResponse()
    expect(data.type).toBe('message')
    expect(response.status).toBe(200)
    expect(request_id).toMatch(/^req_fake_/)
    expect((await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages }))._request_id).toMatch(/^req_fake_/)
    const raw = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages }).asResponse()
    expect(((await raw.json()) as { type: string }).type).toBe('message')
    await path.settled()
    expect(path.results.map((result) => result.usage.outputTokens)).toEqual([16, 16, 16])
  })

  it('reports messages.parse and beta.messages.create as calls', async () => {
    const { path, client } = wrapped()
    const parsed = await client.messages.parse({
      model: 'claude-haiku-4-5',
      max_tokens: 256,
      messages,
      output_config: { format: { type: 'json_schema', schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'], additionalProperties: false } } },
    })
    expect(parsed.parsed_output).toEqual({ city: expect.any(String) })
    const beta = await client.beta.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages, betas: ['context-management-2025-06-27'] })
    expect(beta.type).toBe('message')
    const betaStream = await client.beta.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 3, messages }).finalMessage()
    expect(betaStream.usage.output_tokens).toBe(3)
    expect(path.calls.map((call) => call.outcome)).toEqual(['succeeded', 'succeeded', 'succeeded'])
    expect(path.results[2]?.usage).toEqual({ inputTokens: 5, outputTokens: 3 })
  })

  it.each([false, true])('rejects a denied call with the denial and sends no request (async: %s)', async (async) => {
    const path = new RecordingCallPath({ async, deny: denial })
    const client = wrapAnthropic(newClient(), path, { countTokens: false })
    await expect(client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })).rejects.toBe(denial)
    await expect(client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages, stream: true })).rejects.toBe(denial)
    // The stream helper wraps errors that are not the SDK's own in an AnthropicError with the denial as `cause`.
    const streamed = await client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 64, messages }).finalMessage().catch((error: unknown) => error)
    expect((streamed as Error).cause).toBe(denial)
    expect(provider.requests).toHaveLength(0)
  })

  it('fails the call with the SDK error of a provider 500, passed to the caller unchanged', async () => {
    const { path, client } = wrapped()
    provider.failNext({ status: 500 })
    const rejection = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages }).catch((error: unknown) => error)
    expect(rejection).toBeInstanceOf(InternalServerError)
    expect(path.calls[0]).toMatchObject({ outcome: 'failed', error: rejection, settlements: 1 })
  })

  it('settles what an aborted stream received: exact input, estimated output', async () => {
    const { path, client } = wrapped()
    provider.setReplyWords(200)
    const stream = client.messages.stream({ model: 'claude-haiku-4-5', max_tokens: 1000, messages })
    let deltas = 0
    stream.on('text', () => {
      deltas += 1
      if (deltas === 40) stream.abort()
    })
    await stream.done().catch(() => undefined)
    await path.settled()
    const result = path.calls[0]?.result
    expect(result?.estimated).toBe(true)
    expect(result?.usage.inputTokens).toBe(5)
    expect(result?.usage.outputTokens).toBeGreaterThanOrEqual(40 / 4)
    expect(path.calls[0]?.settlements).toBe(1)
  })

  it('fails a cut stream with the partial usage it received', async () => {
    const { path, client } = wrapped()
    provider.cutNextStream({ afterChunks: 6 })
    const stream = await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages, stream: true })
    const read = async () => {
      for await (const _event of stream) void _event
    }
    await expect(read()).rejects.toThrow()
    expect(path.calls[0]?.outcome).toBe('failed')
    expect(path.calls[0]?.partial).toMatchObject({ usage: { inputTokens: 5 }, estimated: true })
  })

  it('gives the request a countInputTokens that asks countTokens for the exact input count, when asked to', async () => {
    const { path, client } = wrapped({ countTokens: true })
    const system = 'You are a very helpful assistant of the support team'
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, system, messages })
    // The engine asks for the count when it reserves; this path double never does.
    expect(provider.requests.map((request) => request.path)).toEqual(['/v1/messages'])
    // 10 words of system + 5 of the message, as the fake provider counts them.
    expect(await path.requests[0]?.countInputTokens?.()).toBe(15)
    expect(provider.requests[1]).toMatchObject({ path: '/v1/messages/count_tokens', body: { model: 'claude-haiku-4-5', system, messages } })
    expect(path.results[0]?.usage.inputTokens).toBe(15)
  })

  it('counts nothing without countTokens, and a failed count resolves undefined (the estimate stays)', async () => {
    const plain = wrapped()
    await plain.client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    expect(plain.path.requests[0]?.countInputTokens).toBeUndefined()
    const { path, client } = wrapped({ countTokens: true })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    provider.failNext({ status: 500 })
    expect(await path.requests[0]?.countInputTokens?.()).toBeUndefined()
    expect(path.calls[0]?.outcome).toBe('succeeded')
  })

  it('wraps withOptions clones, leaves other clients alone and wraps once', async () => {
    const { path, client } = wrapped()
    expect(wrapAnthropic(client, path, { countTokens: false })).toBe(client)
    const clone = client.withOptions({ timeout: 5000 })
    await clone.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    await newClient().messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    await client.messages.create({ model: 'claude-haiku-4-5', max_tokens: 64, messages })
    expect(path.calls).toHaveLength(2)
    expect(provider.requests).toHaveLength(3)
  })

  it('sends the model of the handle (a soft-limit downgrade)', async () => {
    const path = new RecordingCallPath({ model: 'claude-haiku-4-5' })
    const client = wrapAnthropic(newClient(), path, { countTokens: false })
    const message = await client.messages.create({ model: 'claude-opus-4-1', max_tokens: 64, messages })
    expect(provider.requests[0]?.body).toMatchObject({ model: 'claude-haiku-4-5' })
    expect(message.model).toBe('claude-haiku-4-5')
  })
})
