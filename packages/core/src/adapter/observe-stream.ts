import { diag } from '@opentelemetry/api'
import { safely } from '../engine/safely.js'
import { keepItem } from './keep-stream-item.js'

/** How an observed stream ended. */
export type StreamEnd =
  /** The provider finished the stream. */
  | { type: 'complete' }
  /** The consumer stopped early: `break`/`return()`, `controller.abort()`, or cancelling a readable. */
  | { type: 'cancelled' }
  /** Reading the stream failed (network, a provider error event, a malformed event). */
  | { type: 'error'; error: unknown }

/** Receives the items of one stream and its end. Throws are logged and ignored. */
export interface StreamObserver<Item> {
  /** The first item arrived (time to first chunk). */
  first(): void
  /** One item; return `false` to hide it from the consumer (e.g. a usage chunk nobody asked for). */
  item(item: Item): boolean | void
  /** The stream ended; called exactly once. */
  end(outcome: StreamEnd): void
}

/** A Stainless `Stream`: an async iterable whose `iterator` factory backs iteration, `tee()` and `toReadableStream()`. */
interface StainlessStream<Item> {
  iterator: () => AsyncIterator<Item>
  controller?: AbortController
}

/**
 * Observes a Stainless SDK `Stream` in place and returns it: its `iterator` factory is replaced, so
 * plain iteration, `tee()` (both branches share one observed source) and `toReadableStream()` all
 * pass through the observer, while the object, its class and `controller` stay the caller's.
 *
 * The end is reported once: `complete` when the provider finishes, `error` when reading fails,
 * `cancelled` when the consumer breaks out, calls `return()`, aborts `controller` (also while no
 * read is pending) or cancels the readable. After `controller` aborts, the consumer receives no
 * more items (not even ones already buffered): iteration ends, so what was charged is what was
 * received. A stream that is never read reports nothing until its controller aborts. Streams
 * without an `iterator` factory are returned unobserved.
 */
export function observeStream<Stream>(stream: Stream, observer: StreamObserver<StreamItem<Stream>>): Stream {
  const target = stream as unknown as Partial<StainlessStream<StreamItem<Stream>>>
  const iterate = target.iterator
  if (typeof iterate !== 'function') {
    diag.warn('finops-ai: stream has no iterator factory; its usage is not observed')
    return stream
  }
  const signal = target.controller?.signal
  let ended = false
  let reading = 0
  let seenFirst = false
  let observedOnce = false

  const end = (outcome: StreamEnd) => {
    if (ended) return
    ended = true
    signal?.removeEventListener('abort', onAbort)
    safely('observing the end of a stream', () => observer.end(outcome))
  }
  // An abort while a read is pending ends that read (done or error), which reports the end.
  const onAbort = () => {
    if (reading === 0) end({ type: 'cancelled' })
  }
  if (signal?.aborted) end({ type: 'cancelled' })
  else signal?.addEventListener('abort', onAbort, { once: true })

  // `next()` is not `async`: it returns one reaction on the source's promise, a promise step fewer
  // per item than awaiting it in an `async` function. A hidden item (the observer said `false`) is
  // replaced by the next one.
  const observeIterator = (source: AsyncIterator<StreamItem<Stream>>): AsyncIterator<StreamItem<Stream>> => {
    const read = (): Promise<IteratorResult<StreamItem<Stream>>> => {
      let pending: Promise<IteratorResult<StreamItem<Stream>>>
      try {
        pending = Promise.resolve(source.next())
      } catch (error) {
        return Promise.reject(failed(error))
      }
      return pending.then(received, rethrow)
    }
    // After an abort the consumer gets nothing more, even items the SDK had already buffered: the
    // call is charged for what the consumer received, so it must not receive more than that.
    const stopped = (): IteratorResult<StreamItem<Stream>> => {
      end({ type: 'cancelled' })
      if (typeof source.return === 'function') {
        safely('closing an aborted stream', () => void Promise.resolve(source.return!()).catch(() => undefined))
      }
      return { done: true, value: undefined }
    }
    const received = (result: IteratorResult<StreamItem<Stream>>): IteratorResult<StreamItem<Stream>> | Promise<IteratorResult<StreamItem<Stream>>> => {
      if (!result.done && signal?.aborted) {
        reading -= 1
        return stopped()
      }
      if (result.done) {
        end(signal?.aborted ? { type: 'cancelled' } : { type: 'complete' })
        reading -= 1
        return result
      }
      if (!seenFirst) {
        seenFirst = true
        safely('observing the first chunk', () => observer.first())
      }
      if (!keepItem(observer, result.value)) return read()
      reading -= 1
      return result
    }
    const failed = (error: unknown): unknown => {
      end({ type: 'error', error })
      reading -= 1
      return error
    }
    const rethrow = (error: unknown): never => {
      throw failed(error)
    }
    return {
      next() {
        if (signal?.aborted) return Promise.resolve(stopped())
        reading += 1
        return read()
      },
      async return(value?: unknown) {
        end({ type: 'cancelled' })
        if (typeof source.return === 'function') return source.return(value)
        return { done: true, value: undefined }
      },
    }
  }

  target.iterator = function observedIterator(this: unknown) {
    const source = iterate.call(this) as AsyncIterator<StreamItem<Stream>>
    // A stream is consumed once; a second iteration is the SDK's own error, not a new call.
    if (observedOnce) return source
    observedOnce = true
    return observeIterator(source)
  }
  return stream
}

/** The item type of an async iterable. */
export type StreamItem<Stream> = Stream extends AsyncIterable<infer Item> ? Item : unknown
