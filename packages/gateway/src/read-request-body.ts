import type { IncomingMessage } from 'node:http'
import type { Refusal } from './refusal-reply.js'

/** A request body as JSON: the parsed object, or why it was refused. */
export type BodyReading = { body: Record<string, unknown> } | { refusal: Refusal }

/**
 * Reads the whole request body (at most `maxBytes`, else 413 without reading further) and parses
 * it as a JSON object (else 400).
 */
export async function readJsonBody(request: IncomingMessage, maxBytes: number): Promise<BodyReading> {
  const tooLarge: Refusal = { status: 413, message: `finops-ai gateway: the request body exceeds ${maxBytes} bytes` }
  if (Number(request.headers['content-length'] ?? 0) > maxBytes) return { refusal: tooLarge }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += (chunk as Buffer).length
    if (size > maxBytes) return { refusal: tooLarge }
    chunks.push(chunk as Buffer)
  }
  let body: unknown
  try {
    body = JSON.parse(Buffer.concat(chunks).toString('utf8'))
  } catch {
    return { refusal: { status: 400, message: 'finops-ai gateway: the request body is not valid JSON' } }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { refusal: { status: 400, message: 'finops-ai gateway: the request body must be a JSON object' } }
  }
  return { body: body as Record<string, unknown> }
}
