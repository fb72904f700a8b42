import { planReply } from './fake-reply.js'
import { fakeInputTokens } from './fake-tokens.js'
import { fakeUsage } from './fake-usage.js'
import { objectField, type RouteContext, type RouteResult } from './fake-route.js'
import { completionUsage } from './openai-usage.js'
import type { ServerSentEvent } from './server-sent-events.js'

/**
 * `POST /v1/completions` (legacy): `n` choices of the fake reply, `finish_reason` `length` when
 * `max_tokens` cut it. Streams one chunk per word, one with `finish_reason`, the usage-only chunk
 * when `stream_options.include_usage`, then `[DONE]`.
 */
export function completionsRoute(context: RouteContext): RouteResult {
  const { body } = context
  const choices = typeof body.n === 'number' && body.n > 1 ? Math.floor(body.n) : 1
  const reply = planReply({ replyWords: context.replyWords, limit: body.max_tokens })
  const text = reply.type === 'text' ? reply : { text: '', pieces: [], tokens: 0, truncated: false }
  const usage = fakeUsage(fakeInputTokens(body.prompt), text.tokens * choices, context.usage)
  const finish = text.truncated ? 'length' : 'stop'
  const head = { id: context.nextId('cmpl-fake-'), object: 'text_completion', created: context.now, model: body.model }
  const choice = (index: number, piece: string, reason: string | null) => ({
    text: piece,
    index,
    logprobs: null,
    finish_reason: reason,
  })
  const all = (build: (index: number) => unknown) => Array.from({ length: choices }, (_, index) => build(index))
  if (body.stream !== true) {
    return {
      type: 'json',
      status: 200,
      body: { ...head, choices: all((index) => choice(index, text.text, finish)), usage: completionUsage(usage) },
    }
  }
  const includeUsage = objectField(body.stream_options)?.include_usage === true
  const events: ServerSentEvent[] = []
  for (const piece of text.pieces) {
    for (let index = 0; index < choices; index += 1) events.push({ data: { ...head, choices: [choice(index, piece, null)] } })
  }
  for (let index = 0; index < choices; index += 1) events.push({ data: { ...head, choices: [choice(index, '', finish)] } })
  if (includeUsage) events.push({ data: { ...head, choices: [], usage: completionUsage(usage) } })
  events.push({ data: '[DONE]' })
  return { type: 'events', events }
}
