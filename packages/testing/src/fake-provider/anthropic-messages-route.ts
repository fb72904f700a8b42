import { planReply, type FakeReply } from './fake-reply.js'
import { fakeInputTokens } from './fake-tokens.js'
import { fakeUsage } from './fake-usage.js'
import { arrayField, objectField, type JsonObject, type RouteContext, type RouteResult } from './fake-route.js'
import { anthropicDeltaUsage, anthropicUsage } from './anthropic-usage.js'
import { anthropicErrorBody } from './provider-errors.js'
import type { ServerSentEvent } from './server-sent-events.js'

function messagesTool(body: JsonObject): { name: string; parameters: unknown } | undefined {
  const tools = arrayField(body.tools).map(objectField).filter((tool) => tool?.input_schema !== undefined)
  const last = objectField(arrayField(body.messages).at(-1))
  const answered = arrayField(last?.content).some((block) => objectField(block)?.type === 'tool_result')
  const choice = objectField(body.tool_choice)
  if (tools.length === 0 || answered || choice?.type === 'none') return undefined
  const chosen = tools.find((tool) => tool?.name === choice?.name) ?? tools[0]
  return { name: String(chosen?.name), parameters: chosen?.input_schema }
}

function messagesSchema(body: JsonObject): unknown {
  const format = objectField(objectField(body.output_config)?.format) ?? objectField(body.output_format)
  return format?.type === 'json_schema' ? (format.schema ?? { type: 'object' }) : undefined
}

function stopReason(reply: FakeReply): string {
  if (reply.type === 'tool_call') return 'tool_use'
  return reply.truncated ? 'max_tokens' : 'end_turn'
}

/** Input tokens of a Messages request: words of `system` and every message's content. */
export const messagesInputTokens = (body: JsonObject): number =>
  fakeInputTokens(body.system) + fakeInputTokens(body.messages)

/** `POST /v1/messages/count_tokens`: `{ input_tokens }`, the plain word count (no cache knobs). */
export function countTokensRoute(context: RouteContext): RouteResult {
  return { type: 'json', status: 200, body: { input_tokens: messagesInputTokens(context.body) } }
}

/**
 * `POST /v1/messages`: one `text` block with the fake reply (`stop_reason` `max_tokens` when cut),
 * a JSON document for `output_config.format`, or one `tool_use` block until a `tool_result` comes
 * back. Streams `message_start` (usage with `output_tokens: 1`), `content_block_start`, `ping`, one
 * `content_block_delta` per word, `content_block_stop`, `message_delta` (cumulative usage) and
 * `message_stop`.
 */
export function messagesRoute(context: RouteContext): RouteResult {
  const { body } = context
  if (typeof body.max_tokens !== 'number') {
    return {
      type: 'json',
      status: 400,
      body: anthropicErrorBody(400, 'max_tokens: Field required', context.requestId),
    }
  }
  const reply = planReply({
    replyWords: context.replyWords,
    limit: body.max_tokens,
    schema: messagesSchema(body),
    tool: messagesTool(body),
  })
  const usage = fakeUsage(messagesInputTokens(body), reply.tokens, context.usage)
  const block =
    reply.type === 'text'
      ? { type: 'text', text: reply.text, citations: null }
      : { type: 'tool_use', id: context.nextId('toolu_fake_'), name: reply.name, input: reply.input }
  const messageId = context.nextId('msg_fake_')
  const message = (content: unknown[], stop: string | null, outputTokens: number): JsonObject => ({
    id: messageId,
    type: 'message',
    role: 'assistant',
    model: body.model,
    content,
    stop_reason: stop,
    stop_sequence: null,
    stop_details: null,
    container: null,
    usage: anthropicUsage(usage, outputTokens),
  })
  if (body.stream !== true) {
    return { type: 'json', status: 200, body: message([block], stopReason(reply), usage.output) }
  }
  const events: ServerSentEvent[] = []
  const emit = (type: string, fields: JsonObject) => events.push({ event: type, data: { type, ...fields } })
  emit('message_start', { message: message([], null, 1) })
  if (reply.type === 'text') {
    emit('content_block_start', { index: 0, content_block: { ...block, text: '' } })
    emit('ping', {})
    for (const text of reply.pieces) emit('content_block_delta', { index: 0, delta: { type: 'text_delta', text } })
  } else {
    emit('content_block_start', { index: 0, content_block: { ...block, input: {} } })
    emit('ping', {})
    emit('content_block_delta', { index: 0, delta: { type: 'input_json_delta', partial_json: reply.arguments } })
  }
  emit('content_block_stop', { index: 0 })
  emit('message_delta', {
    delta: { stop_reason: stopReason(reply), stop_sequence: null, stop_details: null, container: null },
    usage: anthropicDeltaUsage(usage),
  })
  emit('message_stop', {})
  return { type: 'events', events }
}
