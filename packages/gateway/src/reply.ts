import type { ServerResponse } from 'node:http'

/** A whole (non-streamed) answer: status, headers and a JSON body. */
export interface Reply {
  status: number
  headers: Readonly<Record<string, string>>
  body: unknown
}

/** Writes `reply` as JSON, unless the client is already gone. */
export function sendReply(response: ServerResponse, reply: Reply): void {
  if (response.destroyed) return
  const text = JSON.stringify(reply.body)
  response.writeHead(reply.status, {
    ...reply.headers,
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(text)),
  })
  response.end(text)
}
