import { describe, expect, it } from 'vitest'
import { observeAPIPromise, type ResponseObserver } from './observe-api-promise.js'
import type { StainlessResponseProps } from './stainless-api-promise.js'
import { DoubleAPIPromise, doubleResponseProps } from './stainless-double.js'

function recorder() {
  const events: Array<[string, unknown]> = []
  const observer: ResponseObserver<unknown> = {
    data: (data) => {
      events.push(['data', data])
      return data
    },
    error: (error) => void events.push(['error', error]),
    raw: (response) => void events.push(['raw', response.status]),
  }
  return { events, observer }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('observeAPIPromise', () => {
  it('returns an APIPromise of the same class that resolves to the same data', async () => {
    const { events, observer } = recorder()
    const source = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ id: 'a' })))
    const observed = observeAPIPromise(source, observer)
    expect(observed).toBeInstanceOf(DoubleAPIPromise)
    expect(await observed).toEqual({ id: 'a' })
    expect(events).toEqual([['data', { id: 'a' }]])
  })

  it('parses nothing until the caller asks', async () => {
    const { events, observer } = recorder()
    observeAPIPromise(new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({}))), observer)
    await settle()
    expect(events).toEqual([])
  })

  it('keeps withResponse working and reports data, not raw access', async () => {
    const { events, observer } = recorder()
    const observed = observeAPIPromise(new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ id: 'b' }))), observer)
    const { data, response, request_id } = await observed.withResponse()
    expect(data).toEqual({ id: 'b' })
    expect(response.status).toBe(200)
    expect(request_id).toBe('req_double')
    await settle()
    expect(events).toEqual([['data', { id: 'b' }]])
  })

  it('reports raw-only access through asResponse with the body still unread', async () => {
    const { events, observer } = recorder()
    const observed = observeAPIPromise(new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ id: 'c' }))), observer)
    const response = await observed.asResponse()
    expect(await response.json()).toEqual({ id: 'c' })
    expect(events).toEqual([['raw', 200]])
  })

  it('reports raw access on promises derived with _thenUnwrap', async () => {
    const { events, observer } = recorder()
    const observed = observeAPIPromise(new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ id: 'd' }))), observer)
    await observed._thenUnwrap((data) => data).asResponse()
    expect(events).toEqual([['raw', 200]])
  })

  it('observes data parsed through a derived promise', async () => {
    const { events, observer } = recorder()
    const observed = observeAPIPromise(new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ n: 1 }))), observer)
    expect(await observed._thenUnwrap((data) => ({ wrapped: data }))).toEqual({ wrapped: { n: 1 } })
    expect(events).toEqual([['data', { n: 1 }]])
  })

  it('reports a failed request once and rejects the caller with the same error', async () => {
    const { events, observer } = recorder()
    const failure = new Error('provider down')
    const observed = observeAPIPromise(new DoubleAPIPromise<unknown>({}, Promise.reject(failure)), observer)
    await expect(observed).rejects.toBe(failure)
    expect(events).toEqual([['error', failure]])
  })

  it('reports a body that fails to parse', async () => {
    const { events, observer } = recorder()
    const failure = new SyntaxError('bad json')
    const source = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({})), () => Promise.reject(failure))
    await expect(observeAPIPromise(source, observer)).rejects.toBe(failure)
    expect(events).toEqual([['error', failure]])
  })

  it('observes the promise in place: the caller gets the same object', () => {
    const { observer } = recorder()
    const source = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({})))
    expect(observeAPIPromise(source, observer)).toBe(source)
  })

  it("observes data through a promise's own _thenUnwrap, which bypasses parseResponse (openai 7)", async () => {
    const { events, observer } = recorder()
    const source = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ n: 2 })))
    const parse = source.parseResponse
    // Like openai 7: derived promises reuse the parse captured here, not `parseResponse`.
    source._thenUnwrap = <U>(transform: (data: unknown, props: StainlessResponseProps) => U) =>
      new DoubleAPIPromise<U>({}, source.responsePromise, async (client, props) => transform(await parse(client, props), props))
    const observed = observeAPIPromise(source, observer)
    expect(await observed._thenUnwrap((data) => ({ wrapped: data }))).toEqual({ wrapped: { n: 2 } })
    expect(events).toEqual([['data', { n: 2 }]])
  })

  it('lets two observers observe the same promise', async () => {
    const first = recorder()
    const second = recorder()
    const source = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ id: 'e' })))
    const observed = observeAPIPromise(observeAPIPromise(source, first.observer), second.observer)
    expect(await observed).toEqual({ id: 'e' })
    expect(first.events).toEqual([['data', { id: 'e' }]])
    expect(second.events).toEqual([['data', { id: 'e' }]])
  })

  it('passes the data on unchanged when the observer throws', async () => {
    const source = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ ok: true })))
    const observed = observeAPIPromise(source, {
      data: () => {
        throw new Error('bookkeeping bug')
      },
      error: () => undefined,
      raw: () => undefined,
    })
    expect(await observed).toEqual({ ok: true })
  })
})
