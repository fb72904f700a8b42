import Anthropic from '@anthropic-ai/sdk'
import OpenAI from 'openai'
import { fakeProvider } from '@finops-ai/testing'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestGateway, type TestGateway } from './test-gateway.js'

const SECRET = 'vk-test-limited-secret'
const messages = [{ role: 'user' as const, content: 'Where is my parcel' }]
const keys = { [SECRET]: { id: 'vk_limited', attribution: { team: 'support' }, providers: ['openai' as const], models: ['gpt-4o-mini'] } }
let test: TestGateway

afterEach(() => test.close())

const post = (path: string, body: string, headers: Record<string, string> = { authorization: `Bearer ${SECRET}` }) =>
  fetch(`${test.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body })

describe('gateway answers in the provider error shape', () => {
  it('refuses a missing or unknown virtual key with 401 (AuthenticationError in both SDKs)', async () => {
    test = await startTestGateway({ keys })
    await expect(test.openai('vk-wrong').chat.completions.create({ model: 'gpt-4o-mini', messages })).rejects.toBeInstanceOf(OpenAI.AuthenticationError)
    const anthropic = await test.anthropic('vk-wrong').messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages }).catch((error: unknown) => error)
    expect(anthropic).toBeInstanceOf(Anthropic.AuthenticationError)
    expect((anthropic as InstanceType<typeof Anthropic.AuthenticationError>).error).toMatchObject({ type: 'error', error: { type: 'authentication_error' } })
    const missing = await post('/v1/chat/completions', '{}', {})
    expect(missing.status).toBe(401)
    expect(await missing.json()).toMatchObject({ error: { code: 'invalid_api_key', message: expect.stringMatching(/Authorization: Bearer/) } })
    // A key in the query string is not a credential: it is refused (gateway-hostile-clients.test.ts).
    expect((await post(`/v1/chat/completions?api_key=${SECRET}`, '{}', {})).status).toBe(400)
    expect(test.provider.requests).toHaveLength(0)
  })

  it('refuses a model outside the key allow-list with 403 naming it, and a provider the key may not use', async () => {
    test = await startTestGateway({ keys })
    const error = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.PermissionDeniedError)
    expect((error as Error).message).toMatch(/model 'gpt-4o'.*allowed: gpt-4o-mini/)
    await expect(test.anthropic(SECRET).messages.create({ model: 'gpt-4o-mini', max_tokens: 10, messages })).rejects.toThrow(/may not use anthropic/)
    expect(test.provider.requests).toHaveLength(0)
  })

  it('answers unknown paths 404, wrong methods 405, malformed JSON 400 and oversized bodies 413, without forwarding', async () => {
    test = await startTestGateway({ keys, gateway: { maxBodyBytes: 1024 } })
    const unknown = await post('/v1/../admin', '{}')
    expect(unknown.status).toBe(404)
    expect(await unknown.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'unknown_url' } })
    expect((await fetch(`${test.url}/v1/chat/completions`, { headers: { authorization: `Bearer ${SECRET}` } })).status).toBe(405)
    expect((await post('/v1/chat/completions', '{"model": ')).status).toBe(400)
    expect((await post('/v1/chat/completions', '[1]')).status).toBe(400)
    expect((await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'x'.repeat(2048) }] }))).status).toBe(413)
    expect(test.provider.requests).toHaveLength(0)
  })

  it('passes an upstream error through with its status, body and retry headers', async () => {
    test = await startTestGateway({ keys })
    test.provider.failNext({ status: 500, body: { error: { message: 'upstream exploded', type: 'server_error', param: null, code: 'boom' } } })
    const error = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.InternalServerError)
    expect(error).toMatchObject({ status: 500, code: 'boom', message: '500 upstream exploded' })
    test.provider.failNext({ status: 429, retryAfter: 7 })
    const limited = await post('/v1/chat/completions', JSON.stringify({ model: 'gpt-4o-mini', messages }))
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toBe('7')
  })

  it('passes an Anthropic upstream error through in its own shape', async () => {
    test = await startTestGateway({ keys: { [SECRET]: { id: 'vk_any', attribution: { team: 'legal' } } } })
    test.provider.failNext({ status: 529 })
    const error = await test.anthropic(SECRET).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(Anthropic.APIError)
    expect(error).toMatchObject({ status: 529, error: { type: 'error', error: { type: 'overloaded_error' } } })
  })

  it('answers 502 promptly when the upstream cannot be reached', async () => {
    const gone = await fakeProvider()
    await gone.close()
    test = await startTestGateway({ keys, gateway: { upstreams: { openai: { baseURL: gone.openaiBaseURL, apiKey: 'sk-upstream' } } } })
    const error = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.APIError)
    expect(error).toMatchObject({ status: 502, code: 'upstream_unreachable' })
  })

  it('answers 504 when the upstream does not answer within upstreamTimeoutMs', async () => {
    test = await startTestGateway({ keys, gateway: { upstreamTimeoutMs: 50 } })
    test.provider.setLatency(5_000)
    const error = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: 504, code: 'upstream_timeout' })
  })

  it('ends a stream the upstream cuts with an error event the SDK raises', async () => {
    test = await startTestGateway({ keys })
    test.provider.cutNextStream({ afterChunks: 3 })
    const stream = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true })
    const received: string[] = []
    const error = await (async () => {
      for await (const chunk of stream) received.push(chunk.choices[0]?.delta.content ?? '')
    })().catch((caught: unknown) => caught)
    expect(received.length).toBeGreaterThan(0)
    expect(error).toBeInstanceOf(OpenAI.APIError)
    expect((error as Error).message).toMatch(/upstream/)
  })

  it('refuses more request headers than allowed with 431', async () => {
    test = await startTestGateway({ keys, gateway: { maxHeaders: 20 } })
    const headers = Object.fromEntries(Array.from({ length: 25 }, (_, index) => [`x-extra-${index}`, 'v']))
    expect((await post('/v1/chat/completions', '{}', { authorization: `Bearer ${SECRET}`, ...headers })).status).toBe(431)
  })
})
