import { describe, expect, it } from 'vitest'
import type { CallRequest } from '../call/call-request.js'
import type { CallHandle } from '../call/call-path.js'
import { callPathOf } from './call-path-of.js'
import { createFinOps } from './create-finops.js'
import type { FinOpsOptions } from './finops-options.js'

const params = { model: 'gpt-4o', temperature: 0, messages: [{ role: 'user', content: 'Hi' }] }
const request = (body: Record<string, unknown> = params): CallRequest => ({
  provider: 'openai',
  operation: 'chat',
  model: 'gpt-4o',
  stream: false,
  estimatedInputTokens: 2,
  apiMethod: 'chat.completions.create',
  params: body,
})
const completion = () => new Response('{"id":"chatcmpl-1"}', { headers: { 'content-type': 'application/json' } })

/** Sends a call through `handle` as an adapter would: its response captured, then settled. */
async function complete(handle: CallHandle): Promise<void> {
  const sent = Promise.resolve({ response: completion() })
  handle.responseCapture?.watch(sent)
  await sent
  handle.succeed({ usage: { inputTokens: 2, outputTokens: 3 } })
}

describe('createFinOps({ cache }) call path', () => {
  it('looks up, captures and answers synchronously with the memory store', async () => {
    const finops = createFinOps({ cache: {} })
    const path = callPathOf(finops)
    const miss = path.begin(request())
    expect(miss).not.toBeInstanceOf(Promise)
    expect((miss as CallHandle).cachedResponse).toBeUndefined()
    await complete(miss as CallHandle)
    await finops.flush()
    const hit = path.begin(request({ ...params }))
    expect(hit).not.toBeInstanceOf(Promise)
    expect((hit as CallHandle).cachedResponse).toMatchObject({ status: 200, body: '{"id":"chatcmpl-1"}', headers: { 'content-type': 'application/json' } })
    expect((hit as CallHandle).responseCapture).toBeUndefined()
  })

  it.each<[string, FinOpsOptions, CallRequest]>([
    ['the cache is off', {}, request()],
    ['the call did not opt in', { cache: {} }, request({ model: 'gpt-4o', messages: [] })],
    ['the adapter gave no parameters', { cache: {} }, { ...request(), params: undefined }],
  ])('neither looks up nor captures when %s', (_, options, call) => {
    const handle = callPathOf(createFinOps(options)).begin(call) as CallHandle
    expect(handle.cachedResponse).toBeUndefined()
    expect(handle.responseCapture).toBeUndefined()
  })

  it('answers through a promise when the store does', async () => {
    const entries = new Map<string, unknown>()
    const finops = createFinOps({
      cache: { store: { get: async (key) => entries.get(key) as never, set: async (key, response) => void entries.set(key, response) } },
    })
    const path = callPathOf(finops)
    const miss = path.begin(request())
    expect(miss).toBeInstanceOf(Promise)
    await complete(await miss)
    await finops.flush()
    expect(entries.size).toBe(1)
    await expect(path.begin(request())).resolves.toMatchObject({ cachedResponse: { status: 200 } })
  })
})
