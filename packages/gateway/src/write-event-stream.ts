import { once } from 'node:events'
import type { ServerResponse } from 'node:http'
import type { StreamFormat } from './gateway-routes.js'

/** Opens a server-sent-events answer. */
export function startEventStream(response: ServerResponse, headers: Readonly<Record<string, string>>): void {
  // No `connection` header: Node keeps the connection alive unless the client asked to close it.
  response.writeHead(200, { ...headers, 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' })
  response.flushHeaders()
}

/** One SSE record for `item`: `data: …` for `'data'`, `event: <item.type>` + `data: …` for `'events'`. */
export function eventRecord(format: StreamFormat, item: unknown): string {
  const data = `data: ${JSON.stringify(item)}\n\n`
  if (format === 'data') return data
  const type = (item as { type?: unknown } | null)?.type
  return typeof type === 'string' ? `event: ${type}\n${data}` : data
}

/**
 * Re-emits each item of an SDK stream as the SDK yields it (no buffering), waiting for the client
 * to drain when its socket is full, and ends the answer as the provider does (`data: [DONE]` for
 * `'data'`). Returns early, without ending, when the client goes away.
 */
export async function writeEventStream(response: ServerResponse, items: AsyncIterable<unknown>, format: StreamFormat): Promise<void> {
  for await (const item of items) {
    if (response.destroyed) return
    if (!response.write(eventRecord(format, item))) {
      await Promise.race([once(response, 'drain'), once(response, 'close')])
    }
  }
  if (response.destroyed) return
  response.end(format === 'data' ? 'data: [DONE]\n\n' : undefined)
}

/** Ends a stream that failed after its first event with an error record in the provider's shape. */
export function endEventStreamWithError(response: ServerResponse, format: StreamFormat, body: unknown): void {
  if (response.destroyed) return
  response.end(format === 'data' ? `data: ${JSON.stringify(body)}\n\n` : `event: error\ndata: ${JSON.stringify(body)}\n\n`)
}
