/**
 * Prompt and completion content in the structure of the GenAI semantic conventions
 * (`gen_ai.input.messages`, `gen_ai.output.messages`, `gen_ai.system_instructions`, v1.41).
 * Adapters build these only when content capture is on.
 */

/**
 * One part of a message: `{ type: 'text', content }`, `{ type: 'tool_call', id, name, arguments }`,
 * `{ type: 'tool_call_response', id, response }`, or `{ type }` alone for a part whose payload is
 * not recorded (images, files, ...).
 */
export interface MessagePart {
  type: string
  [field: string]: unknown
}

/** A message sent to the model: `{ role, parts }`. */
export interface InputMessage {
  role: string
  parts: MessagePart[]
}

/** A message the model generated: `{ role, parts, finish_reason }`. */
export interface OutputMessage extends InputMessage {
  finish_reason: string
}

/** The content of a request: set on {@link CallRequest.content} only when capture is on. */
export interface RequestContent {
  /** `gen_ai.input.messages`: the chat history sent. */
  input?: InputMessage[]
  /** `gen_ai.system_instructions`: instructions sent apart from the messages (Anthropic `system`, Responses `instructions`). */
  system?: MessagePart[]
}

/** A text part. */
export function textPart(content: string): MessagePart {
  return { type: 'text', content }
}
