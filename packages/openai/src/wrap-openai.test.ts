import OpenAI, { InternalServerError } from 'openai'
import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LimitExceededError } from '../../core/src/errors/limit-exceeded-error.js'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { wrapOpenAI } from './wrap-openai.js'

const messages = [{ role: 'user' as const, content: 'Hi there' }]
const denial = new LimitExceededError({ reason: 'budget', policy: 'team-a', limit: 10, current: 11 })

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

const newClient = (options: Partial<ConstructorParameters<typeof OpenAI>[0]> = {}) =>
  new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', ...options })

describe('wrapOpenAI', () => {
  it.each([false, true])('rejects a denied call with the denial and sends no request (async: %s)', async (async) => {
    const path = new RecordingCallPath({ async, deny: denial })
    const client = wrapOpenAI(newClient(), path, { streamUsage: 'inject' })
    await expect(client.chat.completions.create({ model: 'gpt-4o', messages })).rejects.toBe(denial)
    await expect(client.responses.create({ model: 'gpt-5', input: 'Hi', stream: true })).rejects.toBe(denial)
    await expect(client.chat.completions.parse({ model: 'gpt-4o', messages })).rejects.toBe(denial)
    expect(provider.requests).toHaveLength(0)
  })

  it('makes one call of a request the SDK retried after a 429', async () => {
    const path = new RecordingCallPath()
    const client = wrapOpenAI(newClient({ maxRetries: 2 }), path, { streamUsage: 'inject' })
    provider.failNext({ status: 429, retryAfter: 0.01 })
    await client.chat.completions.create({ model: 'gpt-4o', messages })
    expect(provider.requests).toHaveLength(2)
    expect(path.calls).toHaveLength(1)
    expect(path.calls[0]).toMatchObject({ outcome: 'succeeded', settlements: 1 })
  })

  it('fails the call with the SDK error of a provider 500, passed to the caller unchanged', async () => {
    const path = new RecordingCallPath()
    const client = wrapOpenAI(newClient({ maxRetries: 0 }), path, { streamUsage: 'inject' })
    provider.failNext({ status: 500 })
    const rejection = await client.chat.completions.create({ model: 'gpt-4o', messages }).catch((error: unknown) => error)
    expect(rejection).toBeInstanceOf(InternalServerError)
    expect(path.calls[0]).toMatchObject({ outcome: 'failed', error: rejection, settlements: 1 })
  })

  it('sends the model of the handle (a soft-limit downgrade)', async () => {
    const path = new RecordingCallPath({ model: 'gpt-4o-mini' })
    const client = wrapOpenAI(newClient(), path, { streamUsage: 'inject' })
    const completion = await client.chat.completions.create({ model: 'gpt-4o', messages })
    expect(provider.requests[0]?.body).toMatchObject({ model: 'gpt-4o-mini' })
    expect(completion.model).toBe('gpt-4o-mini')
    expect(path.requests[0]?.model).toBe('gpt-4o')
  })

  it.each([false, true])('runs the request inside the handle context (async: %s)', async (async) => {
    const manager = new AsyncLocalStorageContextManager().enable()
    context.setGlobalContextManager(manager)
    const key = createContextKey('call')
    const path = new RecordingCallPath({ async })
    const seen: unknown[] = []
    const client = wrapOpenAI(
      newClient({
        fetch: (url, init) => {
          seen.push(context.active().getValue(key))
          return fetch(url, init)
        },
      }),
      path,
      { streamUsage: 'inject' },
    )
    const begin = path.begin.bind(path)
    path.begin = (request) => context.with(ROOT_CONTEXT.setValue(key, 'handle'), () => begin(request))
    try {
      await client.chat.completions.create({ model: 'gpt-4o', messages })
    } finally {
      context.disable()
    }
    expect(seen).toEqual(['handle'])
  })

  it('passes the client attribution on every request', async () => {
    const path = new RecordingCallPath()
    const client = wrapOpenAI(newClient(), path, { streamUsage: 'inject', attribution: { team: 'support' } })
    await client.embeddings.create({ model: 'text-embedding-3-small', input: 'hello' })
    expect(path.requests[0]?.clientAttribution).toEqual({ team: 'support' })
  })

  it('does nothing when a client is wrapped twice', async () => {
    const path = new RecordingCallPath()
    const client = newClient()
    const once = wrapOpenAI(client, path, { streamUsage: 'inject' })
    const create = once.chat.completions.create
    expect(wrapOpenAI(once, new RecordingCallPath(), { streamUsage: 'off' })).toBe(client)
    expect(once.chat.completions.create).toBe(create)
    await once.chat.completions.create({ model: 'gpt-4o', messages })
    expect(path.calls).toHaveLength(1)
  })

  it('wraps the clone withOptions returns, with the new options', async () => {
    const path = new RecordingCallPath()
    const client = wrapOpenAI(newClient(), path, { streamUsage: 'inject' })
    const clone = client.withOptions({ maxRetries: 0, defaultHeaders: { 'x-clone': 'yes' } })
    expect(clone).not.toBe(client)
    await clone.chat.completions.create({ model: 'gpt-4o', messages })
    expect(provider.requests[0]?.headers['x-clone']).toBe('yes')
    expect(path.calls).toHaveLength(1)
    expect(path.calls[0]?.outcome).toBe('succeeded')
  })

  it('leaves other clients and the SDK prototypes untouched', async () => {
    const path = new RecordingCallPath()
    const plain = newClient()
    const prototypeCreate = Object.getPrototypeOf(plain.chat.completions).create
    wrapOpenAI(newClient(), path, { streamUsage: 'inject' })
    expect(plain.chat.completions.create).toBe(prototypeCreate)
    await plain.chat.completions.create({ model: 'gpt-4o', messages, stream: true }).then(async (stream) => {
      for await (const chunk of stream) void chunk
    })
    expect(path.calls).toHaveLength(0)
    expect(provider.requests[0]?.body).not.toHaveProperty('stream_options')
  })
})
