import { planReply } from './fake-reply.js'
import { fakeInputTokens } from './fake-tokens.js'
import { fakeUsage } from './fake-usage.js'
import { arrayField, objectField, type JsonObject, type RouteContext, type RouteResult } from './fake-route.js'
import { hostedToolItems } from './openai-hosted-tool-items.js'
import { openaiServiceTier, responseUsage } from './openai-usage.js'
import type { ServerSentEvent } from './server-sent-events.js'

function responsesTool(body: JsonObject): { name: string; parameters: unknown } | undefined {
  const tools = arrayField(body.tools).map(objectField).filter((tool) => tool?.type === 'function')
  const input = body.input
  const last = objectField(Array.isArray(input) ? input.at(-1) : undefined)
  if (tools.length === 0 || last?.type === 'function_call_output' || body.tool_choice === 'none') return undefined
  const wanted = objectField(body.tool_choice)?.name
  const chosen = tools.find((tool) => tool?.name === wanted) ?? tools[0]
  return { name: String(chosen?.name), parameters: chosen?.parameters }
}

function responsesSchema(body: JsonObject): unknown {
  const format = objectField(objectField(body.text)?.format)
  if (format?.type === 'json_object') return true
  if (format?.type === 'json_schema') return format.schema ?? { type: 'object' }
  return undefined
}

/**
 * `POST /v1/responses`: one `message` output item with the fake reply (or one `function_call`),
 * after one completed call per hosted tool offered (see `hostedToolItems`), status `incomplete`
 * (`max_output_tokens`) when the limit cut the reply. Streams the typed events `response.created`,
 * `response.in_progress`, an `output_item.added`/`.done` pair per hosted call,
 * `response.output_item.added`, `response.content_part.added`, one `response.output_text.delta`
 * per word, the matching `.done` events, then `response.completed` (or `response.incomplete`)
 * with usage.
 */
export function responsesRoute(context: RouteContext): RouteResult {
  const { body } = context
  const reply = planReply({
    replyWords: context.replyWords,
    limit: body.max_output_tokens,
    schema: responsesSchema(body),
    tool: responsesTool(body),
  })
  const usage = fakeUsage(fakeInputTokens(body.instructions) + fakeInputTokens(body.input), reply.tokens, context.usage)
  const incomplete = reply.type === 'text' && reply.truncated
  const status = incomplete ? 'incomplete' : 'completed'
  const responseId = context.nextId('resp_fake_')
  const response = (state: string, output: unknown[], withUsage: boolean): JsonObject => ({
    id: responseId,
    object: 'response',
    created_at: context.now,
    status: state,
    background: false,
    error: null,
    incomplete_details: state === 'incomplete' ? { reason: 'max_output_tokens' } : null,
    instructions: body.instructions ?? null,
    max_output_tokens: body.max_output_tokens ?? null,
    metadata: body.metadata ?? {},
    model: body.model,
    output,
    parallel_tool_calls: body.parallel_tool_calls ?? true,
    previous_response_id: body.previous_response_id ?? null,
    service_tier: openaiServiceTier(usage, body.service_tier),
    temperature: body.temperature ?? 1,
    text: body.text ?? { format: { type: 'text' } },
    tool_choice: body.tool_choice ?? 'auto',
    tools: body.tools ?? [],
    top_p: body.top_p ?? 1,
    truncation: 'disabled',
    usage: withUsage ? responseUsage(usage) : null,
  })
  const itemId = context.nextId(reply.type === 'text' ? 'msg_fake_' : 'fc_fake_')
  const part = { type: 'output_text', text: reply.type === 'text' ? reply.text : '', annotations: [], logprobs: [] }
  const item =
    reply.type === 'text'
      ? { id: itemId, type: 'message', status, role: 'assistant', content: [part] }
      : {
          id: itemId,
          type: 'function_call',
          status: 'completed',
          call_id: context.nextId('call_fake_'),
          name: reply.name,
          arguments: reply.arguments,
        }
  const hosted = hostedToolItems(body, context.nextId)
  const output = [...hosted, item]
  if (body.stream !== true) return { type: 'json', status: 200, body: response(status, output, true) }

  const events: ServerSentEvent[] = []
  const emit = (type: string, fields: JsonObject) =>
    events.push({ event: type, data: { type, sequence_number: events.length, ...fields } })
  const at = { item_id: itemId, output_index: hosted.length }
  emit('response.created', { response: response('in_progress', [], false) })
  emit('response.in_progress', { response: response('in_progress', [], false) })
  hosted.forEach((call, index) => {
    emit('response.output_item.added', { output_index: index, item: { ...call, status: 'in_progress' } })
    emit('response.output_item.done', { output_index: index, item: call })
  })
  if (reply.type === 'text') {
    emit('response.output_item.added', { output_index: hosted.length, item: { ...item, status: 'in_progress', content: [] } })
    emit('response.content_part.added', { ...at, content_index: 0, part: { ...part, text: '' } })
    for (const delta of reply.pieces) emit('response.output_text.delta', { ...at, content_index: 0, delta, logprobs: [] })
    emit('response.output_text.done', { ...at, content_index: 0, text: reply.text, logprobs: [] })
    emit('response.content_part.done', { ...at, content_index: 0, part })
  } else {
    emit('response.output_item.added', { output_index: hosted.length, item: { ...item, status: 'in_progress', arguments: '' } })
    emit('response.function_call_arguments.delta', { ...at, delta: reply.arguments })
    emit('response.function_call_arguments.done', { ...at, name: reply.name, arguments: reply.arguments })
  }
  emit('response.output_item.done', { output_index: hosted.length, item })
  emit(`response.${status}`, { response: response(status, output, true) })
  return { type: 'events', events }
}
