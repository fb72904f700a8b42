import { objectField, stringField, textPart, type MessagePart } from '@finops-ai/core'

/**
 * The semantic-convention parts of an OpenAI message `content`: a string is one text part; in an
 * array, `text` / `input_text` / `output_text` parts become text parts, a `refusal` its text, and
 * any other part (images, audio, files) `{ type }` without its payload.
 */
export function openAIParts(content: unknown): MessagePart[] {
  if (typeof content === 'string') return [textPart(content)]
  if (!Array.isArray(content)) return []
  const parts: MessagePart[] = []
  for (const item of content) {
    if (typeof item === 'string') {
      parts.push(textPart(item))
      continue
    }
    const part = objectField(item)
    const type = stringField(part?.type)
    if (part === undefined || type === undefined) continue
    const text = stringField(part.text) ?? stringField(part.refusal)
    parts.push(text !== undefined ? textPart(text) : { type })
  }
  return parts
}

/** A `tool_call` part from an OpenAI tool call (`{ id, function: { name, arguments } }` or a Responses `function_call`). */
export function toolCallPart(id: unknown, name: unknown, argumentsText: unknown): MessagePart {
  return { type: 'tool_call', id: stringField(id) ?? '', name: stringField(name) ?? '', arguments: parseArguments(argumentsText) }
}

/** A `tool_call_response` part. */
export function toolCallResponsePart(id: unknown, response: unknown): MessagePart {
  return { type: 'tool_call_response', id: stringField(id) ?? '', response }
}

function parseArguments(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? null
  try {
    return JSON.parse(value) as unknown
  } catch {
    return value
  }
}
