import { fakeReplyWords, fakeTokenCount } from './fake-tokens.js'
import { jsonSchemaDefault } from './json-schema-default.js'

/** What the fake model answers: text (split into streamable pieces) or one tool call. */
export type FakeReply =
  | {
      type: 'text'
      text: string
      /** Stream pieces: one word each, the words after the first with their leading space. */
      pieces: string[]
      /** Output tokens of the visible text. */
      tokens: number
      /** True when the token limit cut the reply short. */
      truncated: boolean
    }
  | { type: 'tool_call'; name: string; arguments: string; input: unknown; tokens: number }

/** Inputs of {@link planReply}, already read from the provider-specific request. */
export interface ReplyPlan {
  /** Words the model "wants" to say (`provider.setReplyWords`, default 16). */
  replyWords: number
  /** The request's output token limit, if any. */
  limit: unknown
  /** A JSON schema to answer with a valid document; `true` for plain JSON mode. */
  schema?: unknown
  /** The tool to call, with its parameters schema. */
  tool?: { name: string; parameters: unknown } | undefined
}

/**
 * Decides the reply: a tool call with default arguments when a tool is given; a JSON document
 * when a schema is given; otherwise `min(replyWords, limit)` words of the fixed sentence.
 */
export function planReply(plan: ReplyPlan): FakeReply {
  if (plan.tool) {
    const input = jsonSchemaDefault(plan.tool.parameters ?? { type: 'object' })
    const serialized = JSON.stringify(input)
    return {
      type: 'tool_call',
      name: plan.tool.name,
      arguments: serialized,
      input,
      tokens: fakeTokenCount(`${plan.tool.name} ${serialized}`),
    }
  }
  if (plan.schema !== undefined) {
    const text = JSON.stringify(plan.schema === true ? {} : jsonSchemaDefault(plan.schema))
    return { type: 'text', text, pieces: [text], tokens: fakeTokenCount(text), truncated: false }
  }
  const limit = typeof plan.limit === 'number' && plan.limit >= 0 ? Math.floor(plan.limit) : Infinity
  const words = fakeReplyWords(Math.min(plan.replyWords, limit))
  return {
    type: 'text',
    text: words.join(' '),
    pieces: words.map((word, index) => (index === 0 ? word : ` ${word}`)),
    tokens: words.length,
    truncated: limit < plan.replyWords,
  }
}
