/**
 * An in-process `fetch` for `@anthropic-ai/sdk` (`new Anthropic({ fetch })`) answering every
 * request with a canned Messages response (JSON, or an SSE stream when the body asks to stream).
 */

export const MESSAGES_MODEL = 'claude-haiku-4-5'
export const MESSAGES_REQUEST = {
  model: MESSAGES_MODEL,
  max_tokens: 256,
  system: 'You are a concise support assistant for an online bookshop.',
  messages: [{ role: 'user', content: 'Where is my order #4711? It was due yesterday.' }],
}

const usage = { input_tokens: 31, output_tokens: 12, cache_creation_input_tokens: 0, cache_read_input_tokens: 0, service_tier: 'standard' }
const message = {
  id: 'msg_bench',
  type: 'message',
  role: 'assistant',
  model: 'claude-haiku-4-5-20251001',
  content: [{ type: 'text', text: 'Your order #4711 left our warehouse today.' }],
  stop_reason: 'end_turn',
  stop_sequence: null,
  usage,
}

/** SSE body of a streamed message with `deltas` text deltas. */
export function messageStreamBody(deltas) {
  const events = [
    ['message_start', { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { ...usage, output_tokens: 1 } } }],
    ['content_block_start', { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }],
  ]
  for (let index = 0; index < deltas; index++) {
    events.push(['content_block_delta', { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'word ' } }])
  }
  events.push(['content_block_stop', { type: 'content_block_stop', index: 0 }])
  events.push(['message_delta', { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { ...usage, output_tokens: deltas } }])
  events.push(['message_stop', { type: 'message_stop' }])
  return events.map(([name, data]) => `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`).join('')
}

const jsonHeaders = { 'content-type': 'application/json', 'request-id': 'req_bench' }
const streamHeaders = { 'content-type': 'text/event-stream', 'request-id': 'req_bench' }

/** A `fetch` answering Messages calls: JSON, or an SSE stream of `streamDeltas` deltas when the body asks to stream. */
export function cannedAnthropicFetch({ streamDeltas = 200 } = {}) {
  const encoder = new TextEncoder()
  const json = encoder.encode(JSON.stringify(message))
  const stream = encoder.encode(messageStreamBody(streamDeltas))
  return async function fetch(_url, init) {
    const streamed = typeof init?.body === 'string' && init.body.includes('"stream":true')
    return new Response(streamed ? stream : json, { status: 200, headers: streamed ? streamHeaders : jsonHeaders })
  }
}
