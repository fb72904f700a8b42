/**
 * An in-process `fetch` for the `openai` client (`new OpenAI({ fetch })`) that answers every
 * request with a canned Chat Completions response: no socket, no server, so what is measured is
 * the SDK's own work plus whatever wraps it. Bodies are built once; each call gets a fresh
 * `Response`, as a real fetch would.
 */

export const CHAT_MODEL = 'gpt-4o-mini'
export const CHAT_MESSAGES = [
  { role: 'system', content: 'You are a concise support assistant for an online bookshop.' },
  { role: 'user', content: 'Where is my order #4711? It was due yesterday.' },
]
export const CHAT_REQUEST = { model: CHAT_MODEL, messages: CHAT_MESSAGES, max_tokens: 256 }

const usage = {
  prompt_tokens: 31,
  completion_tokens: 12,
  total_tokens: 43,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
}

const completionBody = JSON.stringify({
  id: 'chatcmpl-bench',
  object: 'chat.completion',
  created: 1767225600,
  model: 'gpt-4o-mini-2024-07-18',
  choices: [
    {
      index: 0,
      message: { role: 'assistant', content: 'Your order #4711 left our warehouse today.', refusal: null, annotations: [] },
      logprobs: null,
      finish_reason: 'stop',
    },
  ],
  usage,
  service_tier: 'default',
  system_fingerprint: 'fp_bench',
})

/** SSE body of a streamed chat completion: `chunks` content chunks, a finish chunk-less tail, the usage chunk, `[DONE]`. */
export function chatStreamBody(chunks) {
  const base = { id: 'chatcmpl-bench', object: 'chat.completion.chunk', created: 1767225600, model: 'gpt-4o-mini-2024-07-18', service_tier: 'default', system_fingerprint: 'fp_bench' }
  const events = []
  for (let index = 0; index < chunks; index++) {
    const delta = index === 0 ? { role: 'assistant', content: 'word ', refusal: null } : { content: 'word ' }
    const last = index === chunks - 1
    events.push({ ...base, choices: [{ index: 0, delta, logprobs: null, finish_reason: last ? 'stop' : null }], usage: null })
  }
  // The usage-only chunk that `stream_options.include_usage` adds (the wrapper asks for it and hides it).
  events.push({ ...base, choices: [], usage: { ...usage, completion_tokens: chunks, total_tokens: usage.prompt_tokens + chunks } })
  return events.map((event) => `data: ${JSON.stringify(event)}\n\n`).join('') + 'data: [DONE]\n\n'
}

const jsonHeaders = { 'content-type': 'application/json', 'x-request-id': 'req_bench' }
const streamHeaders = { 'content-type': 'text/event-stream', 'x-request-id': 'req_bench' }

/** A `fetch` answering chat completions: JSON, or an SSE stream of `streamChunks` chunks when the body asks to stream. */
export function cannedOpenAIFetch({ streamChunks = 200 } = {}) {
  const encoder = new TextEncoder()
  const json = encoder.encode(completionBody)
  const stream = encoder.encode(chatStreamBody(streamChunks))
  return async function fetch(_url, init) {
    const streamed = typeof init?.body === 'string' && init.body.includes('"stream":true')
    return new Response(streamed ? stream : json, { status: 200, headers: streamed ? streamHeaders : jsonHeaders })
  }
}
