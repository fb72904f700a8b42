/** Characters per token assumed by the estimators: a common average for English text and code. */
export const CHARACTERS_PER_TOKEN = 4

/** Fields whose string values are text the provider tokenizes (in messages, parts, tools, prompts). */
const TEXT_FIELDS = new Set([
  'content',
  'text',
  'input',
  'prompt',
  'instructions',
  'system',
  'arguments',
  'output',
  'refusal',
  'description',
  'parameters',
  'input_schema',
  'messages',
  'tools',
  'function',
])

/** How deep {@link countTextCharacters} follows nested objects and arrays. */
const MAX_DEPTH = 8

/**
 * Counts the characters of the text inside a request field: strings in full, arrays item by item,
 * objects through their text-bearing fields only (`content`, `text`, `input`, `prompt`,
 * `instructions`, `arguments`, tool `description`/`parameters`, ...), so ids, roles, image URLs and
 * base64 payloads do not count. No JSON serialization, no allocation besides the walk.
 */
export function countTextCharacters(value: unknown, depth = 0): number {
  if (typeof value === 'string') return value.length
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return 0
  let total = 0
  if (Array.isArray(value)) {
    for (const item of value) total += countTextCharacters(item, depth + 1)
    return total
  }
  for (const key in value) {
    if (TEXT_FIELDS.has(key)) total += countTextCharacters((value as Record<string, unknown>)[key], depth + 1)
    else if (key === 'properties') total += countSchemaProperties((value as Record<string, unknown>)[key], depth + 1)
  }
  return total
}

/** JSON-schema `properties`: their names and descriptions are tokenized too. */
function countSchemaProperties(value: unknown, depth: number): number {
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return 0
  let total = 0
  for (const key in value) total += key.length + countTextCharacters((value as Record<string, unknown>)[key], depth + 1)
  return total
}

/**
 * Cheap token estimate for budget reservations: {@link countTextCharacters} divided by
 * {@link CHARACTERS_PER_TOKEN}, rounded up. A number (a pre-tokenized token id) counts as one token.
 * Good to within tens of percent for prose; the settlement replaces it with the provider's count.
 */
export function estimateTokens(...values: unknown[]): number {
  let characters = 0
  let tokenIds = 0
  for (const value of values) {
    if (typeof value === 'number') tokenIds += 1
    else if (Array.isArray(value) && (typeof value[0] === 'number' || Array.isArray(value[0]))) tokenIds += countTokenIds(value)
    else characters += countTextCharacters(value)
  }
  return tokenIds + Math.ceil(characters / CHARACTERS_PER_TOKEN)
}

/** Pre-tokenized prompts: an array of token ids, or an array of such arrays. */
function countTokenIds(value: unknown[]): number {
  let total = 0
  for (const item of value) total += typeof item === 'number' ? 1 : Array.isArray(item) ? countTokenIds(item) : 0
  return total
}
