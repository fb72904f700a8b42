import { imageTokenAllowance } from './image-token-allowance.js'

/**
 * Characters per token assumed for ASCII text by {@link estimateTokens}: a common average for English
 * text and code. Not an upper bound: dense ASCII (base64, ids, punctuation) can take up to one token
 * per character. Non-ASCII text is counted by UTF-8 bytes instead (see {@link estimateTokens}).
 */
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
  'name',
  'enum',
])

/** How deep the walk follows nested objects and arrays. */
const MAX_DEPTH = 8

/** Measures one string; with an optional measure of whole parts (images) that replaces the walk. */
interface TextMeasure {
  text(value: string): number
  part?(value: Readonly<Record<string, unknown>>): number | undefined
}

const characters: TextMeasure = { text: (value) => value.length }

/** Estimate units: a quarter token each (one ASCII character), so one rounding at the end. */
const estimateUnits: TextMeasure = {
  text: textEstimateUnits,
  part: (value) => {
    const tokens = imageTokenAllowance(value)
    return tokens === undefined ? undefined : tokens * CHARACTERS_PER_TOKEN
  },
}

/**
 * Counts the characters of the text inside a request field: strings in full, arrays item by item,
 * objects through their text-bearing fields only (`content`, `text`, `input`, `prompt`,
 * `instructions`, `arguments`, names, tool `description`/`parameters`/`enum`, ...), so ids, roles, image URLs and
 * base64 payloads do not count. No JSON serialization, no allocation besides the walk.
 */
export function countTextCharacters(value: unknown, depth = 0): number {
  return sumText(value, characters, depth)
}

function sumText(value: unknown, measure: TextMeasure, depth: number): number {
  if (typeof value === 'string') return measure.text(value)
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return 0
  let total = 0
  if (Array.isArray(value)) {
    for (const item of value) total += sumText(item, measure, depth + 1)
    return total
  }
  const record = value as Record<string, unknown>
  const part = measure.part?.(record)
  if (part !== undefined) return part
  for (const key in record) {
    if (TEXT_FIELDS.has(key)) total += sumText(record[key], measure, depth + 1)
    else if (key === 'properties') total += sumSchemaProperties(record[key], measure, depth + 1)
  }
  return total
}

/** JSON-schema `properties`: their names and descriptions are tokenized too. */
function sumSchemaProperties(value: unknown, measure: TextMeasure, depth: number): number {
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') return 0
  let total = 0
  for (const key in value) total += measure.text(key) + sumText((value as Record<string, unknown>)[key], measure, depth + 1)
  return total
}

/**
 * Quarter tokens of a string: one per ASCII character, {@link CHARACTERS_PER_TOKEN} per UTF-8 byte
 * of every other character (2 for U+0080–U+07FF, 3 up to U+FFFF, 4 for a surrogate pair). ASCII
 * strings take the native `Buffer.byteLength` path; only strings with other characters are walked.
 */
function textEstimateUnits(value: string): number {
  if (Buffer.byteLength(value, 'utf8') === value.length) return value.length
  let units = 0
  for (let index = 0; index < value.length; index += 1) {
    const code = value.charCodeAt(index)
    units += code < 0x80 ? 1 : CHARACTERS_PER_TOKEN * (code < 0x800 || (code >= 0xd800 && code <= 0xdfff) ? 2 : 3)
  }
  return units
}

/**
 * Token estimate for budget reservations, rounded up: ASCII characters divided by
 * {@link CHARACTERS_PER_TOKEN}, plus one token per UTF-8 byte of non-ASCII text (CJK, Cyrillic,
 * emoji, ...) — an upper bound for byte-level BPE tokenizers, which never emit more tokens than
 * bytes — plus an image allowance per image part (`IMAGE_TOKEN_ALLOWANCE`, 1,600; 85 for OpenAI
 * `detail: 'low'`). A number (a pre-tokenized token id) counts as one token. Text is read through
 * the fields {@link countTextCharacters} follows, tool definitions included. The settlement replaces
 * the estimate with the provider's count.
 */
export function estimateTokens(...values: unknown[]): number {
  let units = 0
  let tokenIds = 0
  for (const value of values) {
    if (typeof value === 'number') tokenIds += 1
    else if (Array.isArray(value) && (typeof value[0] === 'number' || Array.isArray(value[0]))) tokenIds += countTokenIds(value)
    else units += sumText(value, estimateUnits, 0)
  }
  return tokenIds + Math.ceil(units / CHARACTERS_PER_TOKEN)
}

/** Pre-tokenized prompts: an array of token ids, or an array of such arrays. */
function countTokenIds(value: unknown[]): number {
  let total = 0
  for (const item of value) total += typeof item === 'number' ? 1 : Array.isArray(item) ? countTokenIds(item) : 0
  return total
}
