import { objectField, stringField, textPart, type InputMessage, type OutputMessage, type RequestContent } from '@finops-ai/core'
import { openAIParts, toolCallPart, toolCallResponsePart } from './openai-message-parts.js'
import type { RequestBody } from './operation-request.js'

/**
 * The content of a `chat.completions.create` call: each of `messages` as `{ role, parts }`
 * (assistant `tool_calls` as `tool_call` parts, `tool` messages as a `tool_call_response`).
 */
export function readChatContent(body: RequestBody): RequestContent {
  const input: InputMessage[] = []
  if (Array.isArray(body.messages)) {
    for (const item of body.messages) {
      const message = objectField(item)
      if (message === undefined) continue
      const role = stringField(message.role) ?? 'user'
      if (role === 'tool') {
        input.push({ role, parts: [toolCallResponsePart(message.tool_call_id, message.content)] })
        continue
      }
      const parts = openAIParts(message.content)
      if (Array.isArray(message.tool_calls)) {
        for (const call of message.tool_calls) {
          const fields = objectField(call)
          const fn = objectField(fields?.function)
          parts.push(toolCallPart(fields?.id, fn?.name, fn?.arguments))
        }
      }
      input.push({ role, parts })
    }
  }
  return { input }
}

/** The completion of a `ChatCompletion`: one message per choice, with its `finish_reason`. */
export function readChatOutputContent(body: unknown): OutputMessage[] {
  const output: OutputMessage[] = []
  const choices = objectField(body)?.choices
  if (!Array.isArray(choices)) return output
  for (const choice of choices) {
    const fields = objectField(choice)
    const message = objectField(fields?.message)
    const parts = openAIParts(message?.content)
    const refusal = stringField(message?.refusal)
    if (refusal !== undefined) parts.push(textPart(refusal))
    if (Array.isArray(message?.tool_calls)) {
      for (const call of message.tool_calls) {
        const item = objectField(call)
        const fn = objectField(item?.function)
        parts.push(toolCallPart(item?.id, fn?.name, fn?.arguments))
      }
    }
    output.push({ role: stringField(message?.role) ?? 'assistant', parts, finish_reason: stringField(fields?.finish_reason) ?? '' })
  }
  return output
}
