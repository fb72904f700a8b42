import { describe, expect, it } from 'vitest'
import type { CachedResponse } from '../cache/response-cache-store.js'
import { replayCachedResponse } from './replay-cached-response.js'
import { DoubleAPIPromise } from './stainless-double.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass, StainlessResponseProps } from './stainless-api-promise.js'

const cached: CachedResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"id":"cmpl-1"}', storedAt: '2026-12-03T10:00:00.000Z' }
const APIPromise = DoubleAPIPromise as unknown as StainlessAPIPromiseClass

/** A client like the SDKs': resource methods call `this._client.post(path, options)`, which would send a request. */
class Client {
  sent = 0
  post(_path: string, _options: unknown): StainlessAPIPromise<unknown> {
    this.sent++
    return new APIPromise(this as never, new Promise<StainlessResponseProps>(() => {}))
  }
}

/** A resource method: a request with the SDK's options, and the method's own transform of the data. */
function create(client: Client, body: Record<string, unknown>, options?: { signal?: AbortSignal }) {
  return client.post('/chat/completions', { body, ...options, stream: body.stream ?? false })._thenUnwrap((data) => ({ ...(data as object), transformed: true }))
}

describe('replayCachedResponse', () => {
  it('answers the method from the cached response, its own transform applied, and sends nothing', async () => {
    const client = new Client()
    const replayed = replayCachedResponse({ APIPromise, client, send: () => create(client, { model: 'gpt-4o' }) }, cached)
    await expect(replayed).resolves.toEqual({ id: 'cmpl-1', transformed: true })
    const props = await replayed.responsePromise
    expect(props.options).toMatchObject({ method: 'post', path: '/chat/completions', stream: false })
    expect(props.response.status).toBe(200)
    expect(props.response.headers.get('content-type')).toBe('application/json')
    expect(client.sent).toBe(0)
  })

  it("restores the client's post afterwards, even when the method throws", () => {
    const client = new Client()
    replayCachedResponse({ APIPromise, client, send: () => create(client, {}) }, cached)
    expect(Object.hasOwn(client, 'post')).toBe(false)
    const own = () => new APIPromise(client as never, new Promise(() => {}))
    Object.defineProperty(client, 'post', { configurable: true, writable: true, value: own })
    expect(() =>
      replayCachedResponse(
        {
          APIPromise,
          client,
          send: () => {
            throw new Error('invalid parameters')
          },
        },
        cached,
      ),
    ).toThrow('invalid parameters')
    expect(client.post).toBe(own)
  })

  it("aborts the replay's controller with the caller's signal", async () => {
    const client = new Client()
    const caller = new AbortController()
    const replayed = replayCachedResponse({ APIPromise, client, send: () => create(client, {}, { signal: caller.signal }) }, cached)
    const props = await replayed.responsePromise
    expect(props.controller.signal.aborted).toBe(false)
    caller.abort()
    expect(props.controller.signal.aborted).toBe(true)
  })
})
