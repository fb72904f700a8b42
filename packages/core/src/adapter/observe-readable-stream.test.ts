import { describe, expect, it } from 'vitest'
import { observeReadableStream } from './observe-readable-stream.js'
import type { StreamEnd, StreamObserver } from './observe-stream.js'

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

/** A stream of `items`, then an error when `failure` is given; records whether it was cancelled. */
function source(items: number[], failure?: Error) {
  const state = { cancelled: false as unknown, pulls: 0 }
  let index = 0
  const stream = new ReadableStream<number>(
    {
      pull(controller) {
        state.pulls += 1
        if (index < items.length) controller.enqueue(items[index++]!)
        else if (failure) controller.error(failure)
        else controller.close()
      },
      cancel(reason) {
        state.cancelled = reason ?? true
      },
    },
    { highWaterMark: 0 },
  )
  return { stream, state }
}

async function collect(stream: ReadableStream<number>): Promise<number[]> {
  const items: number[] = []
  for await (const item of stream) items.push(item)
  return items
}

describe('observeReadableStream', () => {
  it('passes items through, marks the first one and reports completion once', async () => {
    const { seen, ends, observer, firsts } = recorder()
    expect(await collect(observeReadableStream(source([1, 2, 3]).stream, observer))).toEqual([1, 2, 3])
    expect(seen).toEqual([1, 2, 3])
    expect(firsts()).toBe(1)
    expect(ends).toEqual([{ type: 'complete' }])
  })

  it('hides the items the observer rejects', async () => {
    const { observer } = recorder((item) => item === 2)
    expect(await collect(observeReadableStream(source([1, 2, 3]).stream, observer))).toEqual([1, 3])
  })

  it('reads nothing ahead of the consumer', async () => {
    const { stream, state } = source([1, 2, 3])
    const reader = observeReadableStream(stream, recorder().observer).getReader()
    expect(await reader.read()).toEqual({ done: false, value: 1 })
    expect(state.pulls).toBe(1)
  })

  it('reports cancellation and cancels the source when the consumer cancels', async () => {
    const { ends, observer } = recorder()
    const { stream, state } = source([1, 2, 3])
    const reader = observeReadableStream(stream, observer).getReader()
    await reader.read()
    await reader.cancel('enough')
    expect(ends).toEqual([{ type: 'cancelled' }])
    expect(state.cancelled).toBe('enough')
  })

  it('reports a read failure as an error and passes it to the consumer', async () => {
    const { ends, observer } = recorder()
    const failure = new Error('socket closed')
    await expect(collect(observeReadableStream(source([1], failure).stream, observer))).rejects.toBe(failure)
    expect(ends).toEqual([{ type: 'error', error: failure }])
  })

  it('reports a read failure after the signal aborted as a cancellation', async () => {
    const { ends, observer } = recorder()
    const abort = new AbortController()
    abort.abort()
    const failure = new Error('aborted')
    await expect(collect(observeReadableStream(source([], failure).stream, observer, abort.signal))).rejects.toBe(failure)
    expect(ends).toEqual([{ type: 'cancelled' }])
  })

  it('delivers nothing more after the signal aborted, even items the source still has', async () => {
    const { seen, ends, observer } = recorder()
    const abort = new AbortController()
    const { stream, state } = source([1, 2, 3, 4, 5])
    const received: number[] = []
    const reading = (async () => {
      for await (const item of observeReadableStream(stream, observer, abort.signal)) {
        received.push(item)
        if (item === 3) abort.abort(new Error('stop'))
      }
    })()
    await expect(reading).rejects.toThrow('stop')
    expect(received).toEqual([1, 2, 3])
    expect(seen).toEqual([1, 2, 3])
    expect(ends).toEqual([{ type: 'cancelled' }])
    expect(state.cancelled).toMatchObject({ message: 'stop' })
  })

  it('keeps the stream flowing when the observer throws', async () => {
    const observer: StreamObserver<number> = {
      first: () => {
        throw new Error('first')
      },
      item: () => {
        throw new Error('item')
      },
      end: () => {
        throw new Error('end')
      },
    }
    expect(await collect(observeReadableStream(source([1, 2]).stream, observer))).toEqual([1, 2])
  })
})
