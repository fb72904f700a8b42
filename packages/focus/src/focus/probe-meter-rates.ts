import type { NormalizedUsage, ResolvedPrice } from '@finops-ai/core'

/** Meters a FOCUS row can be about (`x_Meter`). */
export type FocusMeter =
  | 'input'
  | 'input-audio'
  | 'cached-input'
  | 'cache-write'
  | 'cache-write-1h'
  | 'output'
  | 'reasoning'
  | 'output-audio'
  | 'request'
  | 'web-search'

/**
 * Effective unit rates of one price for one call, in integer femto-USD (1e-15 USD) per token,
 * per request or per web search — the service-tier multiplier already applied. Femto-USD is exact:
 * prices are integer pico-USD per unit and multipliers integer thousandths (see core's `meterNanos`).
 */
export type MeterRates = Readonly<Record<FocusMeter, number>>

const probeTokens = 1000
const largeInput = 1_000_000_000
const flatCache = new WeakMap<ResolvedPrice, Map<string, MeterRates | 'tiered'>>()

/** Base rates (pico-USD per unit, no multiplier) at a call with `inputTokens` total input tokens. */
function baseRates(price: ResolvedPrice, inputTokens: number): Record<FocusMeter, number> {
  // A meter of exactly 1000 units costs round(1000 × pico / 1000) nanos = its pico rate, exactly.
  const total = Math.max(inputTokens, probeTokens)
  const rest = total - probeTokens
  const cost = (usage: Partial<NormalizedUsage>) => price.cost({ inputTokens: total, outputTokens: 0, ...usage })
  const noSearch = cost({ cacheReadTokens: total }).requestNanos
  return {
    input: cost({ cacheReadTokens: rest }).inputNanos,
    'input-audio': cost({ cacheReadTokens: rest, inputAudioTokens: probeTokens }).inputNanos,
    'cached-input': cost({ cacheReadTokens: probeTokens, cacheWriteTokens: rest }).cacheReadNanos,
    'cache-write': cost({ cacheWriteTokens: probeTokens }).cacheWriteNanos,
    'cache-write-1h': cost({ cacheWrite1hTokens: probeTokens }).cacheWriteNanos,
    output: cost({ cacheReadTokens: total, outputTokens: probeTokens }).outputNanos,
    reasoning: cost({ cacheReadTokens: total, outputTokens: probeTokens, reasoningTokens: probeTokens }).outputNanos,
    'output-audio': cost({ cacheReadTokens: total, outputTokens: probeTokens, outputAudioTokens: probeTokens }).outputNanos,
    request: 0,
    'web-search': cost({ cacheReadTokens: total, webSearchRequests: probeTokens }).requestNanos - noSearch,
  }
}

/** The service tier's multiplier in thousandths, read off the price itself (1e6 output tokens cost pico × milli nanos). */
function multiplierMilli(price: ResolvedPrice, serviceTier: string | undefined): number {
  if (serviceTier === undefined) return 1000
  for (const usage of [{ inputTokens: 0, outputTokens: 1e6 }, { inputTokens: 1e6, outputTokens: 0 }]) {
    const base = price.cost(usage).totalNanos - price.cost({ inputTokens: 0, outputTokens: 0 }).totalNanos
    if (base > 0) {
      const tiered = price.cost(usage, { serviceTier }).totalNanos - price.cost({ inputTokens: 0, outputTokens: 0 }, { serviceTier }).totalNanos
      return Math.round((tiered * 1000) / base)
    }
  }
  return 1000
}

function withMultiplier(price: ResolvedPrice, base: Record<FocusMeter, number>, inputTokens: number, serviceTier: string | undefined): MeterRates {
  const milli = multiplierMilli(price, serviceTier)
  const rates = { ...base }
  for (const meter of Object.keys(rates) as FocusMeter[]) rates[meter] *= milli
  // The per-call fee is charged rounded to the nano once per call: its rate is that charge.
  const total = Math.max(inputTokens, probeTokens)
  rates.request = price.cost({ inputTokens: total, outputTokens: 0, cacheReadTokens: total }, { serviceTier }).requestNanos * 1_000_000
  return rates
}

/**
 * The unit rates `price` charged a call with `inputTokens` total input tokens at `serviceTier`,
 * found by pricing probe usages (a `ResolvedPrice` exposes costs, not rates). Rates of flat prices
 * are cached per price object. Assumes no long-context tier starts below 1000 input tokens.
 */
export function probeMeterRates(price: ResolvedPrice, inputTokens: number, serviceTier?: string): MeterRates {
  let byTier = flatCache.get(price)
  if (byTier === undefined) flatCache.set(price, (byTier = new Map()))
  const key = serviceTier ?? ''
  const cached = byTier.get(key)
  if (cached !== undefined && cached !== 'tiered') return cached
  const base = baseRates(price, inputTokens)
  if (cached === undefined) {
    const large = baseRates(price, largeInput)
    const flat = (Object.keys(base) as FocusMeter[]).every((meter) => base[meter] === large[meter])
    if (!flat) byTier.set(key, 'tiered')
    else {
      const rates = withMultiplier(price, base, inputTokens, serviceTier)
      byTier.set(key, rates)
      return rates
    }
  }
  return withMultiplier(price, base, inputTokens, serviceTier)
}
