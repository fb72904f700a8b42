import type { ModelPrice } from '@pydantic/genai-prices'
import type { ConfigIssue } from '../errors/config-error.js'

/**
 * A price per 1M tokens (or characters): flat, or tiered by the call's total input tokens like the
 * bundled data's long-context prices — `{ base: 3, tiers: [{ start: 200_000, price: 6 }] }` charges
 * 6 for every token of a call with MORE than 200,000 input tokens (cache reads and writes included).
 */
export type TokenPrice = number | { readonly base: number; readonly tiers: readonly { readonly start: number; readonly price: number }[] }

/**
 * Prices of one model's meters, in USD unless a `currency` says otherwise. Token prices are per 1M
 * tokens; omitted prices fall back as the bundled data's do (cache, audio and image input to
 * `input`, `cacheWrite1h` to `cacheWrite`, `cacheReadImage` to `cacheRead`, reasoning, audio and
 * image output to `output`; the per-unit fees to free).
 */
export interface ModelPriceFields {
  /** Uncached input tokens, per 1M. */
  input?: TokenPrice
  /** Output tokens (reasoning, audio and image included unless priced separately), per 1M. */
  output?: TokenPrice
  /** Cache reads, per 1M. Default: `input`. */
  cacheRead?: TokenPrice
  /** Cache writes with the default TTL (Anthropic 5 minutes, OpenAI 30 minutes), per 1M. Default: `input`. */
  cacheWrite?: TokenPrice
  /** Cache writes with the extended TTL (Anthropic 1 hour, OpenAI 12 hours), per 1M. Default: `cacheWrite`. */
  cacheWrite1h?: TokenPrice
  /** Reasoning tokens, per 1M. Default: `output`. */
  reasoning?: TokenPrice
  /** Input audio tokens, per 1M. Default: `input`. */
  inputAudio?: TokenPrice
  /** Output audio tokens, per 1M. Default: `output`. */
  outputAudio?: TokenPrice
  /** Input image tokens, per 1M. Default: `input`. */
  inputImage?: TokenPrice
  /** Cached input image tokens, per 1M. Default: `cacheRead`. */
  cacheReadImage?: TokenPrice
  /** Output image tokens, per 1M. Default: `output`. */
  outputImage?: TokenPrice
  /** Input characters, per 1M characters (e.g. `tts-1`: 15). Default: free. */
  inputCharacters?: number
  /** Audio billed by duration, per minute (e.g. `whisper-1`: 0.006). Default: free. */
  perAudioMinute?: number
  /** Fee per call (not per 1M). Default: none. */
  perRequest?: number
  /** Fee per web search call. Default: none. */
  perWebSearch?: number
  /** Fee per file search call. Default: none. */
  perFileSearch?: number
  /** Fee per code-interpreter container session. Default: none. */
  perCodeInterpreterSession?: number
}

/** Each field of {@link ModelPriceFields} → the genai-prices key it sets and the factor from the field's unit to the key's. */
export const PRICE_FIELD_KEYS: Readonly<Record<keyof ModelPriceFields, readonly [key: string, factor: number]>> = {
  input: ['input_mtok', 1],
  output: ['output_mtok', 1],
  cacheRead: ['cache_read_mtok', 1],
  cacheWrite: ['cache_write_mtok', 1],
  cacheWrite1h: ['cache_write_1h_mtok', 1],
  reasoning: ['output_reasoning_mtok', 1],
  inputAudio: ['input_audio_mtok', 1],
  outputAudio: ['output_audio_mtok', 1],
  inputImage: ['input_image_mtok', 1],
  cacheReadImage: ['cache_image_read_mtok', 1],
  outputImage: ['output_image_mtok', 1],
  inputCharacters: ['input_mchars', 1],
  perAudioMinute: ['input_audio_hours', 60],
  perRequest: ['requests_kcount', 1000],
  perWebSearch: ['web_searches_kcount', 1000],
  perFileSearch: ['storage_searches_kcount', 1000],
  perCodeInterpreterSession: ['code_executions_kcount', 1000],
}

const tokenFields = new Set(['input', 'output', 'cacheRead', 'cacheWrite', 'cacheWrite1h', 'reasoning', 'inputAudio', 'outputAudio', 'inputImage', 'cacheReadImage', 'outputImage'])

/**
 * Validates the price fields of `fields` (other keys are ignored) and converts them to a
 * genai-prices {@link ModelPrice} in USD (`usdPerUnit` = units of the prices' currency per 1 USD).
 * Problems are appended to `issues` at `<path>.<field>`; tiers are allowed on token prices only.
 */
export function modelPriceOf(fields: ModelPriceFields, usdPerUnit: number, path: string, issues: ConfigIssue[]): ModelPrice {
  const price: ModelPrice = {}
  for (const [field, [key, factor]] of Object.entries(PRICE_FIELD_KEYS) as [keyof ModelPriceFields, readonly [string, number]][]) {
    const value = fields[field]
    if (value === undefined) continue
    const at = `${path}.${field}`
    if (typeof value === 'number') {
      if (validAmount(value, at, issues)) price[key] = (value * factor) / usdPerUnit
      continue
    }
    if (!tokenFields.has(field) || typeof value !== 'object' || value === null || !Array.isArray(value.tiers)) {
      issues.push({ path: at, detail: `expected a price ≥ 0${tokenFields.has(field) ? ' or { base, tiers: [{ start, price }] }' : ''}, got ${JSON.stringify(value)}` })
      continue
    }
    const before = issues.length
    validAmount(value.base, `${at}.base`, issues)
    value.tiers.forEach((tier, index) => {
      if (!Number.isSafeInteger(tier?.start) || tier.start < 0) issues.push({ path: `${at}.tiers[${index}].start`, detail: `expected an input-token count ≥ 0, got ${String(tier?.start)}` })
      validAmount(tier?.price, `${at}.tiers[${index}].price`, issues)
    })
    if (issues.length > before) continue
    price[key] = { base: value.base / usdPerUnit, tiers: value.tiers.map((tier) => ({ start: tier.start, price: tier.price / usdPerUnit })) } as ModelPrice[string]
  }
  return price
}

function validAmount(value: unknown, path: string, issues: ConfigIssue[]): boolean {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return true
  issues.push({ path, detail: `expected a price ≥ 0, got ${String(value)}` })
  return false
}
