import { safely } from '../engine/safely.js'
import type { StreamEnd, StreamObserver } from './observe-stream.js'
import { keepItem } from './keep-stream-item.js'

/**
 * Observes a web `ReadableStream` (the stream parts of a framework's model call) and returns a new
 * stream with the same items, read from `stream` only as the consumer reads (no read-ahead).
 *
 * The end is reported once: `complete` when `stream` is done, `cancelled` when the consumer cancels
 * the returned stream (the cancel reaches `stream`) or when reading fails after `signal` aborted,
 * `error` when reading fails otherwise. After `signal` aborts, no more items are delivered (not even
 * buffered ones): the returned stream errors with the abort reason. Items the observer answers `false` for are hidden. Observer
 * throws are logged through OTel `diag` and never reach the consumer.
 */
export function observeReadableStream<Item>(
  stream: ReadableStream<Item>,
  observer: StreamObserver<Item>,
  signal?: AbortSignal,
): ReadableStream<Item> {
  const reader = stream.getReader()
  let seenFirst = false
  let ended = false
  const end = (outcome: StreamEnd) => {
    if (ended) return
    ended = true
    safely('observing the end of a stream', () => observer.end(outcome))
  }
  return new ReadableStream<Item>(
    {
      async pull(controller) {
        for (;;) {
          let next: Awaited<ReturnType<typeof reader.read>>
          try {
            next = await reader.read()
          } catch (error) {
            end(signal?.aborted === true ? { type: 'cancelled' } : { type: 'error', error })
            controller.error(error)
            return
          }
          if (!next.done && signal?.aborted === true) {
            // Nothing more after an abort, not even items already buffered: the call is charged
            // for what the consumer received.
            end({ type: 'cancelled' })
            controller.error(signal.reason)
            void reader.cancel(signal.reason).catch(() => undefined)
            return
          }
          if (next.done) {
            end({ type: 'complete' })
            controller.close()
            return
          }
          if (!seenFirst) {
            seenFirst = true
            safely('observing the first chunk', () => observer.first())
          }
          if (keepItem(observer, next.value)) {
            controller.enqueue(next.value)
            return
          }
        }
      },
      cancel(reason) {
        end({ type: 'cancelled' })
        return reader.cancel(reason)
      },
    },
    { highWaterMark: 0 },
  )
}
