/**
 * The fake provider's tokenizer: one token per whitespace-separated word.
 *
 * `fakeTokenCount('Hello  big\nworld')` is 3; an empty or blank string is 0. The fake provider
 * counts input and output tokens with this rule so a test can predict usage exactly.
 */
export function fakeTokenCount(text: string): number {
  let count = 0
  let inWord = false
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index)
    const space = code === 32 || (code >= 9 && code <= 13) || code === 160
    if (!space && !inWord) count += 1
    inWord = !space
  }
  return count
}

const REPLY_SENTENCE =
  'Hello from the finops-ai fake provider: every word of this reply counts as exactly one token.'.split(' ')

/**
 * The fake provider's reply: the first `words` words of a fixed 16-word sentence, cycled when more
 * words are asked for, joined by single spaces. `fakeReplyWords(3)` is `['Hello', 'from', 'the']`.
 */
export function fakeReplyWords(words: number): string[] {
  const reply: string[] = []
  for (let index = 0; index < words; index += 1) {
    reply.push(REPLY_SENTENCE[index % REPLY_SENTENCE.length] as string)
  }
  return reply
}

/**
 * Counts the input tokens of a request field with {@link fakeTokenCount}: strings by words, a
 * number (a token id of a pre-tokenised prompt) as 1, arrays as the sum of their items, and objects
 * (messages, content parts, tool results) by their `content`, `text` and string `output` fields.
 * Roles, names, tool definitions and schemas are not counted.
 */
export function fakeInputTokens(value: unknown): number {
  if (typeof value === 'string') return fakeTokenCount(value)
  if (typeof value === 'number') return 1
  if (Array.isArray(value)) {
    let total = 0
    for (const item of value) total += fakeInputTokens(item)
    return total
  }
  if (value === null || typeof value !== 'object') return 0
  const record = value as Record<string, unknown>
  let total = fakeInputTokens(record.content) + fakeInputTokens(record.text)
  if (typeof record.output === 'string') total += fakeTokenCount(record.output)
  return total
}
