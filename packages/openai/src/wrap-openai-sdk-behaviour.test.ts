import OpenAI from 'openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { RecordingCallPath } from '@finops-ai/core/testing'
import { wrapOpenAI } from './wrap-openai.js'

const messages = [{ role: 'user' as const, content: 'Hi there' }]

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

// Every behaviour must hold whether the engine admits calls synchronously (memory store) or not.
describe.each([
  ['synchronous', false],
  ['asynchronous', true],
])('with %s admission', (_name, async) => {
  function wrapped() {
    const path = new RecordingCallPath({ async })
    const client = wrapOpenAI(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), path, {
      streamUsage: 'inject',
    })
    return { path, client }
  }

  it('keeps the APIPromise: withResponse, _request_id', async () => {
    const { path, client } = wrapped()
    const promise = client.chat.completions.create({ model: 'gpt-4o', messages })
    expect(promise).toBeInstanceOf(Promise)
    const { data, response, request_id } = await promise.withResponse()
    expect(response.status).toBe(200)
    expect(request_id).toMatch(/^req_fake_/)
    expect(data.id).toMatch(/^chatcmpl-fake-/)
    expect((await promise)._request_id).toBe(request_id)
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 2, outputTokens: 16 })
  })

  it('keeps asResponse readable and settles the call from a clone of its body', async () => {
    const { path, client } = wrapped()
    const response = await client.chat.completions.create({ model: 'gpt-4o', messages }).asResponse()
    const body = (await response.json()) as { usage: { completion_tokens: number } }
    expect(body.usage.completion_tokens).toBe(16)
    await path.settled()
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 2, outputTokens: 16 })
  })

  it('keeps tee() working with both branches seeing every chunk', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const [left, right] = stream.tee()
    const read = async (branch: typeof left) => {
      let count = 0
      for await (const chunk of branch) if (chunk.choices[0]) count += 1
      return count
    }
    const [leftCount, rightCount] = await Promise.all([read(left), read(right)])
    expect(leftCount).toBe(rightCount)
    expect(leftCount).toBeGreaterThan(16)
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 2, outputTokens: 16 })
  })

  it('keeps toReadableStream() working', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const text = await new Response(stream.toReadableStream()).text()
    const lines = text.trim().split('\n')
    expect(lines.every((line) => (JSON.parse(line) as { choices: unknown[] }).choices.length > 0)).toBe(true)
    expect(path.calls[0]?.result?.usage).toEqual({ inputTokens: 2, outputTokens: 16 })
  })

  it('settles a stream the consumer breaks out of with an estimate', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    let text = ''
    for await (const chunk of stream) {
      text = chunk.choices[0]?.delta.content ?? ''
      if (text) break
    }
    expect(path.calls[0]?.outcome).toBe('succeeded')
    expect(path.calls[0]?.result).toMatchObject({ estimated: true, usage: { outputTokens: Math.ceil(text.length / 4) } })
  })

  it('settles a stream aborted through its controller', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const seen: string[] = []
    for await (const chunk of stream) {
      seen.push(chunk.choices[0]?.delta.content ?? '')
      if (seen.length === 3) stream.controller.abort()
    }
    // openai 7 stops at once; 5.x and 6.x still yield chunks already buffered.
    expect(seen.length).toBeGreaterThanOrEqual(3)
    expect(path.calls[0]?.outcome).toBe('succeeded')
    expect(path.calls[0]?.result?.estimated).toBe(true)
  })

  it('settles a stream aborted before it is read', async () => {
    const { path, client } = wrapped()
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    stream.controller.abort()
    expect(path.calls[0]?.outcome).toBe('succeeded')
    expect(path.calls[0]?.result).toMatchObject({ estimated: true, usage: { outputTokens: 0 } })
  })

  it('fails a stream cut by the provider with an estimate of what arrived', async () => {
    const { path, client } = wrapped()
    provider.cutNextStream({ afterChunks: 5 })
    const stream = await client.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const read = async () => {
      for await (const chunk of stream) void chunk
    }
    await read().catch(() => undefined)
    expect(path.calls[0]?.outcome).not.toBe('open')
    const settled = path.calls[0]?.result ?? path.calls[0]?.partial
    expect(settled).toMatchObject({ estimated: true })
    expect(settled?.usage.outputTokens).toBeGreaterThan(0)
  })
})
