import { describe, expect, it } from 'vitest'
import { observeStream, type StreamEnd, type StreamObserver } from './observe-stream.js'
import { DoubleStream } from './stainless-double.js'

function recorder(hide?: (item: number) => boolean) {
  const seen: number[] = []
  const ends: StreamEnd[] = []
  let firsts = 0
  const observer: StreamObserver<number> = {
    first: () => void (firsts += 1),
    item: (item) => {
      seen.push(item)
      return hide?.(item) ? false : true
    },
    end: (outcome) => void ends.push(outcome),
  }
  return { seen, ends, observer, firsts: () => firsts }
}

async function collect(stream: AsyncIterable<number>): Promise<number[]> {
  const items: number[] = []
  for await (const item of stream) items.push(item)
  return items
}

describe('observeStream', () => {
  it('returns the same stream, passes items through and reports completion once', async () => {
    const { seen, ends, observer, firsts } = recorder()
    const stream = DoubleStream.of([1, 2, 3])
    expect(observeStream(stream, observer)).toBe(stream)
    expect(await collect(stream)).toEqual([1, 2, 3])
    expect(seen).toEqual([1, 2, 3])
    expect(firsts()).toBe(1)
    expect(ends).toEqual([{ type: 'complete' }])
  })

  it('hides the items the observer rejects', async () => {
    const { seen, observer } = recorder((item) => item === 3)
    const stream = observeStream(DoubleStream.of([1, 2, 3]), observer)
    expect(await collect(stream)).toEqual([1, 2])
    expect(seen).toEqual([1, 2, 3])
  })

  it('reports cancellation when the consumer breaks out', async () => {
    const { ends, observer } = recorder()
    const stream = observeStream(DoubleStream.of([1, 2, 3]), observer)
    for await (const item of stream) if (item === 1) break
    expect(ends).toEqual([{ type: 'cancelled' }])
  })

  it('reports cancellation when the controller aborts while nothing is being read', async () => {
    const { ends, observer } = recorder()
    const stream = observeStream(DoubleStream.of([1, 2, 3]), observer)
    stream.controller.abort()
    expect(ends).toEqual([{ type: 'cancelled' }])
  })

  it('reports cancellation when the controller aborts during iteration', async () => {
    const { ends, observer } = recorder()
    const stream = observeStream(DoubleStream.of([1, 2, 3]), observer)
    const items: number[] = []
    for await (const item of stream) {
      items.push(item)
      if (item === 1) stream.controller.abort()
    }
    expect(items).toEqual([1])
    expect(ends).toEqual([{ type: 'cancelled' }])
  })

  it('delivers nothing more after the controller aborts, even items the source had buffered', async () => {
    const { seen, ends, observer } = recorder()
    // A source that ignores the abort and keeps yielding what it holds (openai v5/v6 do).
    const stream = { controller: new AbortController(), iterator: async function* () { yield* [1, 2, 3, 4] }, [Symbol.asyncIterator]() { return this.iterator() } }
    observeStream(stream, observer)
    const iterator = stream[Symbol.asyncIterator]()
    expect(await iterator.next()).toEqual({ done: false, value: 1 })
    const pending = iterator.next()
    stream.controller.abort()
    expect(await pending).toEqual({ done: true, value: undefined })
    expect(await iterator.next()).toEqual({ done: true, value: undefined })
    expect(seen).toEqual([1])
    expect(ends).toEqual([{ type: 'cancelled' }])
  })

  it('reports a read error and rethrows it to the consumer', async () => {
    const { ends, observer } = recorder()
    const failure = new Error('connection reset')
    const stream = observeStream(DoubleStream.of([1], { failure }), observer)
    await expect(collect(stream)).rejects.toBe(failure)
    expect(ends).toEqual([{ type: 'error', error: failure }])
  })

  it('observes both tee branches through one source', async () => {
    const { seen, ends, observer } = recorder()
    const stream = observeStream(DoubleStream.of([1, 2]), observer)
    const [left, right] = stream.tee()
    expect(await collect(left)).toEqual([1, 2])
    expect(await collect(right)).toEqual([1, 2])
    expect(seen).toEqual([1, 2])
    expect(ends).toEqual([{ type: 'complete' }])
  })

  it('keeps the stream working when the observer throws', async () => {
    const stream = observeStream(DoubleStream.of([1, 2]), {
      first: () => undefined,
      item: () => {
        throw new Error('bookkeeping bug')
      },
      end: () => undefined,
    })
    expect(await collect(stream)).toEqual([1, 2])
  })
})
