import type { ModelPrice } from '@pydantic/genai-prices'
import { picoPerSecondFromHourly, picoPerTokenFromMtok, picoPerUnitFromKcount } from '../money/pico-rate.js'

/**
 * The integer rate of one meter in pico-USD per unit, possibly tiered. genai-prices semantics for
 * tiers: the tier is chosen by the call's TOTAL input tokens (cache reads and writes included),
 * the last tier whose `start` is strictly exceeded applies, and it applies to every unit of the
 * meter (the whole call pays the tier price; not marginal like tax brackets) — for output and
 * cache meters too.
 */
export interface MeterRate {
  /** pico-USD per unit below every tier. */
  readonly base: number
  /** Ascending by `start`; empty when the price is flat. */
  readonly tiers: readonly { readonly start: number; readonly rate: number }[]
}

/**
 * Every meter a call is charged on, with fallbacks already applied: a missing cache-read,
 * cache-write, input-audio or input-image price falls back to the input price; a missing 1-hour
 * cache-write price to the 5-minute one; a missing cached-image price to the cache-read price;
 * missing reasoning, output-audio or output-image prices to the output price. Meters that fall
 * back share the SAME object, which lets cost computation merge them. Meters without a token
 * parent (duration, characters, per-call and tool fees) default to free.
 */
export interface MeterRates {
  readonly input: MeterRate
  readonly inputAudio: MeterRate
  readonly inputImage: MeterRate
  readonly cacheRead: MeterRate
  readonly cacheReadImage: MeterRate
  readonly cacheWrite: MeterRate
  readonly cacheWrite1h: MeterRate
  readonly output: MeterRate
  readonly reasoning: MeterRate
  readonly outputAudio: MeterRate
  readonly outputImage: MeterRate
  /** Per second of input audio billed by duration. */
  readonly audioSecond: MeterRate
  /** Per input character. */
  readonly inputCharacter: MeterRate
  /** Fee per call. */
  readonly request: MeterRate
  /** Fee per server-side web search. */
  readonly webSearch: MeterRate
  /** Fee per file (vector store) search call. */
  readonly fileSearch: MeterRate
  /** Fee per code-interpreter container session. */
  readonly codeInterpreterSession: MeterRate
  /** Whether any meter has tiers (otherwise `base` is read directly). */
  readonly tiered: boolean
}

/** A meter that costs nothing. */
export const FREE_METER: MeterRate = Object.freeze({ base: 0, tiers: Object.freeze([]) })

/** Flat rate of `pico` pico-USD per unit. */
export function flatMeter(pico: number): MeterRate {
  return { base: pico, tiers: [] }
}

/** The rate that applies to a call with `inputTokens` total input tokens. */
export function rateAt(meter: MeterRate, inputTokens: number): number {
  let rate = meter.base
  for (const tier of meter.tiers) if (inputTokens > tier.start) rate = tier.rate
  return rate
}

/** The meters a price list sets; the others fall back as described on {@link MeterRates}. */
export type MeterParts = { -readonly [Meter in Exclude<keyof MeterRates, 'tiered'>]?: MeterRate }

/** Applies the fallbacks of {@link MeterRates} to the meters a price list sets. */
export function meterRates(parts: MeterParts): MeterRates {
  const input = parts.input ?? FREE_METER
  const output = parts.output ?? FREE_METER
  const cacheRead = parts.cacheRead ?? input
  const cacheWrite = parts.cacheWrite ?? input
  const rates = {
    input,
    inputAudio: parts.inputAudio ?? input,
    inputImage: parts.inputImage ?? input,
    cacheRead,
    cacheReadImage: parts.cacheReadImage ?? cacheRead,
    cacheWrite,
    cacheWrite1h: parts.cacheWrite1h ?? cacheWrite,
    output,
    reasoning: parts.reasoning ?? output,
    outputAudio: parts.outputAudio ?? output,
    outputImage: parts.outputImage ?? output,
    audioSecond: parts.audioSecond ?? FREE_METER,
    inputCharacter: parts.inputCharacter ?? FREE_METER,
    request: parts.request ?? FREE_METER,
    webSearch: parts.webSearch ?? FREE_METER,
    fileSearch: parts.fileSearch ?? FREE_METER,
    codeInterpreterSession: parts.codeInterpreterSession ?? FREE_METER,
  }
  return { ...rates, tiered: Object.values(rates).some((meter) => meter.tiers.length > 0) }
}

/**
 * genai-prices keys this library meters, with the meter each one prices. Others (video, documents,
 * pixels, cached audio) are not charged. `input_audio_hours` wins over `audio_hours` (genai-prices
 * sets both to the same price for transcription models). `input_mchars` and `code_executions_kcount`
 * are genai-prices units the bundled data does not use yet; the correction layer supplies them.
 */
export const METERED_PRICE_KEYS: readonly string[] = [
  'input_mtok', 'output_mtok', 'cache_read_mtok', 'cache_write_mtok', 'cache_write_1h_mtok',
  'output_reasoning_mtok', 'input_audio_mtok', 'output_audio_mtok', 'input_image_mtok',
  'cache_image_read_mtok', 'output_image_mtok', 'audio_hours', 'input_audio_hours', 'input_mchars',
  'requests_kcount', 'web_searches_kcount', 'storage_searches_kcount', 'code_executions_kcount',
]

/** Converts one genai-prices price entry into integer meter rates (once, at resolve time). */
export function meterRatesFromModelPrice(price: ModelPrice): MeterRates {
  const perToken = (key: string) => meterOf(price[key], picoPerTokenFromMtok)
  const perUnit = (key: string) => meterOf(price[key], picoPerUnitFromKcount)
  const perSecond = (key: string) => meterOf(price[key], picoPerSecondFromHourly)
  return meterRates({
    input: perToken('input_mtok'),
    output: perToken('output_mtok'),
    cacheRead: perToken('cache_read_mtok'),
    cacheWrite: perToken('cache_write_mtok'),
    cacheWrite1h: perToken('cache_write_1h_mtok'),
    reasoning: perToken('output_reasoning_mtok'),
    inputAudio: perToken('input_audio_mtok'),
    outputAudio: perToken('output_audio_mtok'),
    inputImage: perToken('input_image_mtok'),
    cacheReadImage: perToken('cache_image_read_mtok'),
    outputImage: perToken('output_image_mtok'),
    audioSecond: perSecond('input_audio_hours') ?? perSecond('audio_hours'),
    inputCharacter: perToken('input_mchars'),
    request: perUnit('requests_kcount'),
    webSearch: perUnit('web_searches_kcount'),
    fileSearch: perUnit('storage_searches_kcount'),
    codeInterpreterSession: perUnit('code_executions_kcount'),
  })
}

function meterOf(value: ModelPrice[string], toPico: (usd: number) => number): MeterRate | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return flatMeter(toPico(value))
  const tiers = [...value.tiers].sort((a, b) => a.start - b.start).map((tier) => ({ start: tier.start, rate: toPico(tier.price) }))
  return { base: toPico(value.base), tiers }
}
