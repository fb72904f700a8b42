import type { ServerResponse } from 'node:http'

/** One server-sent event; `data` is JSON-encoded unless it is the literal `'[DONE]'`. */
export interface ServerSentEvent {
  event?: string
  data: unknown
}

/** The wire text of one event: optional `event:` line, one `data:` line, blank line. */
export function encodeServerSentEvent(event: ServerSentEvent): string {
  const data = event.data === '[DONE]' ? '[DONE]' : JSON.stringify(event.data)
  const name = event.event === undefined ? '' : `event: ${event.event}\n`
  return `${name}data: ${data}\n\n`
}

/**
 * Writes `events` as a `text/event-stream` response. With `afterChunks`, only that many events are
 * written and then the socket is destroyed, as a dropped connection would.
 */
export function writeEventStream(
  response: ServerResponse,
  events: ServerSentEvent[],
  headers: Record<string, string>,
  afterChunks?: number,
): void {
  response.writeHead(200, { ...headers, 'content-type': 'text/event-stream', 'cache-control': 'no-cache' })
  if (afterChunks === undefined) {
    for (const event of events) response.write(encodeServerSentEvent(event))
    response.end()
    return
  }
  const kept = events.slice(0, Math.max(0, afterChunks))
  response.write(kept.map(encodeServerSentEvent).join(''), () => response.socket?.destroy())
}
