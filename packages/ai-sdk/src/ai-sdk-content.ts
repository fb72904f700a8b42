import { textPart, type InputMessage, type MessagePart, type OutputMessage, type RequestContent } from '@finops-ai/core'
import type { GenerateResult, LanguageModelCallOptions } from './ai-sdk-types.js'

/**
 * The semantic-convention part of one AI SDK prompt or result part: `text` → a text part,
 * `reasoning` → `{ type: 'reasoning', content }`, `tool-call` → `tool_call` (`arguments` as the
 * model sent them), `tool-result` → `tool_call_response`; any other part (files, sources,
 * approvals) `{ type }` without its payload.
 */
export function contentPart(item: { type: string }): MessagePart {
  const part = item as { type: string; [field: string]: unknown }
  switch (part.type) {
    case 'text':
      return textPart(String(part.text))
    case 'reasoning':
      return { type: 'reasoning', content: String(part.text) }
    case 'tool-call':
      return { type: 'tool_call', id: part.toolCallId, name: part.toolName, arguments: part.input }
    case 'tool-result':
      return { type: 'tool_call_response', id: part.toolCallId, response: part.output }
    default:
      return { type: part.type }
  }
}

/** The content of a call's prompt: each message as `{ role, parts }` (a system message's text as one part). */
export function readPromptContent(prompt: LanguageModelCallOptions['prompt']): RequestContent {
  const input: InputMessage[] = []
  for (const message of prompt) {
    const parts = typeof message.content === 'string' ? [textPart(message.content)] : message.content.map((part) => contentPart(part))
    input.push({ role: message.role, parts })
  }
  return { input }
}

/** The completion of a `doGenerate` result: one assistant message of its content parts. */
export function readGeneratedContent(result: GenerateResult, finishReason: string | undefined): OutputMessage[] {
  return [{ role: 'assistant', parts: result.content.map((part) => contentPart(part)), finish_reason: finishReason ?? '' }]
}
