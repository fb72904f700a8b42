import type { ModelPrice } from '@pydantic/genai-prices'
import { picoPerTokenFromMtok, picoPerUnitFromKcount } from '../money/pico-rate.js'

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
 * cache-write or input-audio price falls back to the input price; a missing 1-hour cache-write
 * price to the 5-minute one; missing reasoning or output-audio prices to the output price.
 * Meters that fall back share the SAME object, which lets cost computation merge them.
 */
export interface MeterRates {
  readonly input: MeterRate
  readonly inputAudio: MeterRate
  readonly cacheRead: MeterRate
  readonly cacheWrite: MeterRate
  readonly cacheWrite1h: MeterRate
  readonly output: MeterRate
  readonly reasoning: MeterRate
  readonly outputAudio: MeterRate
  /** Fee per call. */
  readonly request: MeterRate
  /** Fee per server-side web search. */
  readonly webSearch: MeterRate
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
export interface MeterParts {
  input?: MeterRate
  output?: MeterRate
  cacheRead?: MeterRate
  cacheWrite?: MeterRate
  cacheWrite1h?: MeterRate
  reasoning?: MeterRate
  inputAudio?: MeterRate
  outputAudio?: MeterRate
  request?: MeterRate
  webSearch?: MeterRate
}

/** Applies the fallbacks of {@link MeterRates} to the meters a price list sets. */
export function meterRates(parts: MeterParts): MeterRates {
  const input = parts.input ?? FREE_METER
  const output = parts.output ?? FREE_METER
  const cacheWrite = parts.cacheWrite ?? input
  const rates = {
    input,
    inputAudio: parts.inputAudio ?? input,
    cacheRead: parts.cacheRead ?? input,
    cacheWrite,
    cacheWrite1h: parts.cacheWrite1h ?? cacheWrite,
    output,
    reasoning: parts.reasoning ?? output,
    outputAudio: parts.outputAudio ?? output,
    request: parts.request ?? FREE_METER,
    webSearch: parts.webSearch ?? FREE_METER,
  }
  return { ...rates, tiered: Object.values(rates).some((meter) => meter.tiers.length > 0) }
}

/** genai-prices keys this library meters (others, e.g. `audio_hours` or `input_image_mtok`, are not charged). */
export const METERED_PRICE_KEYS: readonly string[] = [
  'input_mtok', 'output_mtok', 'cache_read_mtok', 'cache_write_mtok', 'cache_write_1h_mtok',
  'output_reasoning_mtok', 'input_audio_mtok', 'output_audio_mtok', 'requests_kcount', 'web_searches_kcount',
]

/** Converts one genai-prices price entry into integer meter rates (once, at resolve time). */
export function meterRatesFromModelPrice(price: ModelPrice): MeterRates {
  const perToken = (key: string) => meterOf(price[key], picoPerTokenFromMtok)
  const perUnit = (key: string) => meterOf(price[key], picoPerUnitFromKcount)
  return meterRates({
    input: perToken('input_mtok'),
    output: perToken('output_mtok'),
    cacheRead: perToken('cache_read_mtok'),
    cacheWrite: perToken('cache_write_mtok'),
    cacheWrite1h: perToken('cache_write_1h_mtok'),
    reasoning: perToken('output_reasoning_mtok'),
    inputAudio: perToken('input_audio_mtok'),
    outputAudio: perToken('output_audio_mtok'),
    request: perUnit('requests_kcount'),
    webSearch: perUnit('web_searches_kcount'),
  })
}

function meterOf(value: ModelPrice[string], toPico: (usd: number) => number): MeterRate | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'number') return flatMeter(toPico(value))
  const tiers = [...value.tiers].sort((a, b) => a.start - b.start).map((tier) => ({ start: tier.start, rate: toPico(tier.price) }))
  return { base: toPico(value.base), tiers }
}
