import { planReply, type FakeReply } from './fake-reply.js'
import { fakeInputTokens } from './fake-tokens.js'
import { fakeUsage } from './fake-usage.js'
import { arrayField, objectField, type JsonObject, type RouteContext, type RouteResult } from './fake-route.js'
import { completionUsage, openaiServiceTier } from './openai-usage.js'
import type { ServerSentEvent } from './server-sent-events.js'

function chatTool(body: JsonObject): { name: string; parameters: unknown } | undefined {
  const tools = arrayField(body.tools).map(objectField).filter((tool) => tool?.type === 'function')
  const last = objectField(arrayField(body.messages).at(-1))
  if (tools.length === 0 || last?.role === 'tool' || body.tool_choice === 'none') return undefined
  const wanted = objectField(objectField(body.tool_choice)?.function)?.name
  const chosen = tools.find((tool) => objectField(tool?.function)?.name === wanted) ?? tools[0]
  const definition = objectField(chosen?.function)
  return { name: String(definition?.name), parameters: definition?.parameters }
}

function chatSchema(body: JsonObject): unknown {
  const format = objectField(body.response_format)
  if (format?.type === 'json_object') return true
  if (format?.type === 'json_schema') return objectField(format.json_schema)?.schema ?? { type: 'object' }
  return undefined
}

function finishReason(reply: FakeReply): string {
  if (reply.type === 'tool_call') return 'tool_calls'
  return reply.truncated ? 'length' : 'stop'
}

/**
 * `POST /v1/chat/completions`: `n` identical choices of the fake reply (text, a JSON document for
 * `response_format`, or a call of the first/chosen tool until the last message is a tool result).
 * Streams one chunk with the role, one per word, one with `finish_reason`, the usage-only chunk when
 * `stream_options.include_usage`, then `[DONE]`.
 */
export function chatCompletionsRoute(context: RouteContext): RouteResult {
  const { body } = context
  const choices = typeof body.n === 'number' && body.n > 1 ? Math.floor(body.n) : 1
  const reply = planReply({
    replyWords: context.replyWords,
    limit: body.max_completion_tokens ?? body.max_tokens,
    schema: chatSchema(body),
    tool: chatTool(body),
  })
  const usage = fakeUsage(fakeInputTokens(body.messages), reply.tokens * choices, context.usage)
  const id = context.nextId('chatcmpl-fake-')
  const callId = reply.type === 'tool_call' ? context.nextId('call_fake_') : ''
  const head = {
    id,
    created: context.now,
    model: body.model,
    service_tier: openaiServiceTier(usage, body.service_tier),
    system_fingerprint: 'fp_fake',
  }
  const toolCall = (reply: FakeReply & { type: 'tool_call' }) => ({
    id: callId,
    type: 'function',
    function: { name: reply.name, arguments: reply.arguments },
  })
  if (body.stream !== true) {
    const message =
      reply.type === 'text'
        ? { role: 'assistant', content: reply.text, refusal: null, annotations: [] }
        : { role: 'assistant', content: null, refusal: null, annotations: [], tool_calls: [toolCall(reply)] }
    return {
      type: 'json',
      status: 200,
      body: {
        ...head,
        object: 'chat.completion',
        choices: Array.from({ length: choices }, (_, index) => ({
          index,
          message,
          logprobs: null,
          finish_reason: finishReason(reply),
        })),
        usage: completionUsage(usage),
      },
    }
  }
  const includeUsage = objectField(body.stream_options)?.include_usage === true
  const chunk = (delta: JsonObject, index: number, finish: string | null): ServerSentEvent => ({
    data: {
      ...head,
      object: 'chat.completion.chunk',
      choices: [{ index, delta, logprobs: null, finish_reason: finish }],
      ...(includeUsage ? { usage: null } : {}),
    },
  })
  const events: ServerSentEvent[] = []
  const each = (build: (index: number) => ServerSentEvent) => {
    for (let index = 0; index < choices; index += 1) events.push(build(index))
  }
  if (reply.type === 'text') {
    each((index) => chunk({ role: 'assistant', content: '', refusal: null }, index, null))
    for (const piece of reply.pieces) each((index) => chunk({ content: piece }, index, null))
  } else {
    const call = { index: 0, id: callId, type: 'function', function: { name: reply.name, arguments: '' } }
    each((index) => chunk({ role: 'assistant', content: null, tool_calls: [call] }, index, null))
    each((index) => chunk({ tool_calls: [{ index: 0, function: { arguments: reply.arguments } }] }, index, null))
  }
  each((index) => chunk({}, index, finishReason(reply)))
  if (includeUsage) {
    events.push({ data: { ...head, object: 'chat.completion.chunk', choices: [], usage: completionUsage(usage) } })
  }
  events.push({ data: '[DONE]' })
  return { type: 'events', events }
}
