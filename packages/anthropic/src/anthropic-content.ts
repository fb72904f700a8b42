import { objectField, stringField, textPart, type InputMessage, type MessagePart, type OutputMessage, type RequestContent } from '@finops-ai/core'

/**
 * The content of a `messages.create` call: `system` as the system instructions and each of
 * `messages` as `{ role, parts }` ({@link anthropicParts}).
 */
export function readMessagesContent(body: Record<string, unknown>): RequestContent {
  const content: RequestContent = {}
  if (body.system !== undefined) content.system = anthropicParts(body.system)
  const input: InputMessage[] = []
  if (Array.isArray(body.messages)) {
    for (const item of body.messages) {
      const message = objectField(item)
      if (message !== undefined) input.push({ role: stringField(message.role) ?? 'user', parts: anthropicParts(message.content) })
    }
  }
  content.input = input
  return content
}

/** The completion of a `Message`: one message of its content blocks, finished with its `stop_reason`. */
export function readMessageOutputContent(message: unknown): OutputMessage[] {
  const fields = objectField(message) ?? {}
  return [{ role: stringField(fields.role) ?? 'assistant', parts: anthropicParts(fields.content), finish_reason: stringField(fields.stop_reason) ?? '' }]
}

/**
 * The semantic-convention parts of Anthropic content: a string is one text part; `text` blocks
 * become text parts, `thinking` blocks `reasoning` parts, `tool_use` blocks `tool_call` parts and
 * `tool_result` blocks `tool_call_response` parts; any other block (images, documents, redacted
 * thinking) `{ type }` without its payload.
 */
export function anthropicParts(content: unknown): MessagePart[] {
  if (typeof content === 'string') return [textPart(content)]
  if (!Array.isArray(content)) return []
  const parts: MessagePart[] = []
  for (const item of content) {
    const block = objectField(item)
    const type = stringField(block?.type)
    if (block === undefined || type === undefined) continue
    parts.push(anthropicPart(type, block))
  }
  return parts
}

function anthropicPart(type: string, block: Record<string, unknown>): MessagePart {
  switch (type) {
    case 'text':
      return textPart(stringField(block.text) ?? '')
    case 'thinking':
      return { type: 'reasoning', content: stringField(block.thinking) ?? '' }
    case 'tool_use':
      return { type: 'tool_call', id: stringField(block.id) ?? '', name: stringField(block.name) ?? '', arguments: block.input ?? null }
    case 'tool_result':
      return { type: 'tool_call_response', id: stringField(block.tool_use_id) ?? '', response: block.content ?? null }
    default:
      return { type }
  }
}
