import { diag } from '@opentelemetry/api'
import type { StreamObserver } from './observe-stream.js'

/**
 * Whether the consumer gets `item`: yes unless the observer says `false`. A throwing observer
 * hides nothing (the throw is logged through OTel `diag`). No closure per item: streams call it
 * once per chunk.
 */
export function keepItem<Item>(observer: StreamObserver<Item>, item: Item): boolean {
  try {
    return observer.item(item) !== false
  } catch (error) {
    diag.error('finops-ai: observing a stream item failed', error)
    return true
  }
}
