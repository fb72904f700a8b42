import type { PriceMeter, ResolvedPrice } from '@finops-ai/core'

/** Meters a FOCUS row can be about (`x_Meter`). */
export type FocusMeter =
  | 'input'
  | 'input-audio'
  | 'input-image'
  | 'cached-input'
  | 'cached-input-image'
  | 'cache-write'
  | 'cache-write-1h'
  | 'output'
  | 'reasoning'
  | 'output-audio'
  | 'output-image'
  | 'audio-second'
  | 'input-character'
  | 'request'
  | 'web-search'
  | 'file-search'
  | 'code-interpreter-session'

/**
 * Effective unit rates of one price for one call, in integer femto-USD (1e-15 USD) per token,
 * second, character, request or tool call — long-context and service tier applied. Femto-USD is
 * exact: prices are integer pico-USD per unit and tier multipliers integer thousandths (see core's `meterNanos`).
 */
export type MeterRates = Readonly<Record<FocusMeter, number>>

/** Each FOCUS meter's core price meter. */
export const FOCUS_METERS: Readonly<Record<FocusMeter, PriceMeter>> = {
  input: 'input',
  'input-audio': 'inputAudio',
  'input-image': 'inputImage',
  'cached-input': 'cacheRead',
  'cached-input-image': 'cacheReadImage',
  'cache-write': 'cacheWrite',
  'cache-write-1h': 'cacheWrite1h',
  output: 'output',
  reasoning: 'reasoning',
  'output-audio': 'outputAudio',
  'output-image': 'outputImage',
  'audio-second': 'audioSecond',
  'input-character': 'inputCharacter',
  request: 'request',
  'web-search': 'webSearch',
  'file-search': 'fileSearch',
  'code-interpreter-session': 'codeInterpreterSession',
}

const flatCache = new WeakMap<ResolvedPrice, Map<string, MeterRates | 'tiered'>>()

/**
 * The unit rates `price` charges a call with `inputTokens` total input tokens at `serviceTier`
 * (read from core's `ResolvedPrice.unitRates`, keyed by FOCUS meter). Rates of prices without
 * long-context tiers are cached per price object and tier.
 */
export function probeMeterRates(price: ResolvedPrice, inputTokens: number, serviceTier?: string): MeterRates {
  let byTier = flatCache.get(price)
  if (byTier === undefined) flatCache.set(price, (byTier = new Map()))
  const key = serviceTier ?? ''
  const cached = byTier.get(key)
  if (cached !== undefined && cached !== 'tiered') return cached
  const rates = focusRates(price, inputTokens, serviceTier)
  if (cached === undefined) {
    const large = focusRates(price, Number.MAX_SAFE_INTEGER, serviceTier)
    const flat = (Object.keys(rates) as FocusMeter[]).every((meter) => rates[meter] === large[meter])
    byTier.set(key, flat ? rates : 'tiered')
  }
  return rates
}

function focusRates(price: ResolvedPrice, inputTokens: number, serviceTier: string | undefined): MeterRates {
  const unit = price.unitRates(inputTokens, { serviceTier })
  const rates = {} as Record<FocusMeter, number>
  for (const meter of Object.keys(FOCUS_METERS) as FocusMeter[]) rates[meter] = unit[FOCUS_METERS[meter]]
  return rates
}
