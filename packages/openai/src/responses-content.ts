import { objectField, stringField, textPart, type InputMessage, type MessagePart, type OutputMessage, type RequestContent } from '@finops-ai/core'
import { openAIParts, toolCallPart, toolCallResponsePart } from './openai-message-parts.js'
import { readResponseFinishReason } from './read-response-finish-reason.js'
import type { RequestBody } from './operation-request.js'

/**
 * The content of a `responses.create` call: `input` (a string is one user message; in a list,
 * messages become `{ role, parts }`, `function_call` items `tool_call` parts and
 * `function_call_output` items `tool_call_response` parts, other items `{ type }`), and
 * `instructions` as the system instructions.
 */
export function readResponsesContent(body: RequestBody): RequestContent {
  const content: RequestContent = {}
  const instructions = stringField(body.instructions)
  if (instructions !== undefined) content.system = [textPart(instructions)]
  if (typeof body.input === 'string') content.input = [{ role: 'user', parts: [textPart(body.input)] }]
  else if (Array.isArray(body.input)) content.input = body.input.map(inputMessage)
  return content
}

function inputMessage(item: unknown): InputMessage {
  const fields = objectField(item) ?? {}
  const type = stringField(fields.type)
  if (type === 'function_call') return { role: 'assistant', parts: [toolCallPart(fields.call_id, fields.name, fields.arguments)] }
  if (type === 'function_call_output') return { role: 'tool', parts: [toolCallResponsePart(fields.call_id, fields.output)] }
  const role = stringField(fields.role)
  if (role !== undefined) return { role, parts: openAIParts(fields.content) }
  return { role: 'user', parts: type === undefined ? [] : [{ type }] }
}

/**
 * The completion of a Responses `Response`: its `output` items as one assistant message (message
 * text and refusals as text parts, `function_call` items as `tool_call` parts, other items such as
 * reasoning as `{ type }`), finished with the conventions' finish reason of `readResponseFinishReason`.
 */
export function readResponseOutputContent(response: unknown): OutputMessage[] {
  const fields = objectField(response) ?? {}
  if (!Array.isArray(fields.output)) return []
  const parts: MessagePart[] = []
  for (const item of fields.output) {
    const output = objectField(item)
    const type = stringField(output?.type)
    if (output === undefined || type === undefined) continue
    if (type === 'message') parts.push(...openAIParts(output.content))
    else if (type === 'function_call') parts.push(toolCallPart(output.call_id, output.name, output.arguments))
    else parts.push({ type })
  }
  const reason = readResponseFinishReason(fields) ?? ''
  return [{ role: 'assistant', parts, finish_reason: reason }]
}
