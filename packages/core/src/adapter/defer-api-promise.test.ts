import { describe, expect, it } from 'vitest'
import { deferAPIPromise } from './defer-api-promise.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass } from './stainless-api-promise.js'
import { DoubleAPIPromise, doubleResponseProps } from './stainless-double.js'

const APIPromise = DoubleAPIPromise as unknown as StainlessAPIPromiseClass

function original(body: unknown): StainlessAPIPromise<unknown> {
  return new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps(body))) as unknown as StainlessAPIPromise<unknown>
}

describe('deferAPIPromise', () => {
  it('is an APIPromise of the given class that resolves once the started call answers', async () => {
    let release: (started: { call: StainlessAPIPromise<unknown> }) => void = () => undefined
    const start = new Promise<{ call: StainlessAPIPromise<unknown> }>((resolve) => (release = resolve))
    const deferred = deferAPIPromise({ APIPromise, client: {}, start })
    expect(deferred).toBeInstanceOf(DoubleAPIPromise)
    release({ call: original({ id: 'late' }) })
    expect(await deferred).toEqual({ id: 'late' })
  })

  it('delegates parsing to the started call, keeping withResponse and _thenUnwrap', async () => {
    const parsedBy: string[] = []
    const started = new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ n: 2 })), async (_client, props) => {
      parsedBy.push('original')
      return props.response.json()
    })
    const deferred = deferAPIPromise({ APIPromise, client: {}, start: Promise.resolve({ call: started as unknown as StainlessAPIPromise<unknown> }) })
    const { data, request_id } = await deferred._thenUnwrap((value) => ({ value })).withResponse()
    expect(data).toEqual({ value: { n: 2 } })
    expect(request_id).toBe('req_double')
    expect(parsedBy).toEqual(['original'])
  })

  it('rejects every reader with the start error', async () => {
    const denial = new Error('denied')
    const deferred = deferAPIPromise<unknown>({ APIPromise, client: {}, start: Promise.reject(denial) })
    await expect(deferred).rejects.toBe(denial)
    await expect(deferred.asResponse()).rejects.toBe(denial)
    await expect(deferred.withResponse()).rejects.toBe(denial)
  })

  it('does not raise an unhandled rejection when a denied promise is awaited late', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      const deferred = deferAPIPromise<unknown>({ APIPromise, client: {}, start: Promise.reject(new Error('denied')) })
      await new Promise((resolve) => setTimeout(resolve, 20))
      await expect(deferred).rejects.toThrow('denied')
    } finally {
      process.off('unhandledRejection', listener)
    }
    expect(unhandled).toEqual([])
  })
})
