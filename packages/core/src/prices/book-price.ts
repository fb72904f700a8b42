import type { ModelPrice } from '@pydantic/genai-prices'
import { UNIT_MULTIPLIER_MILLI } from '../money/meter-nanos.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { costOfUsage } from './cost-of-usage.js'
import { meterRatesFromModelPrice, rateAt, type MeterRates } from './meter-rates.js'
import { DEFAULT_INFERENCE_GEO_PRICES } from './inference-geo-prices.js'
import type { CostBreakdown, PriceMeter, PriceOptions, PriceSource, ResolvedPrice, UnitRates } from './price-book-types.js'
import { compileServiceTiers, type CompiledTierPrice, type ServiceTierTable, type TierSubject } from './service-tiers.js'

/** The {@link ResolvedPrice} a price book returns, with where its price was found. */
export interface BookPrice extends ResolvedPrice {
  /** genai-prices provider id whose table priced the model (the given provider for overrides). */
  readonly priceProvider: string
  /** genai-prices model id that matched (the override key for overrides). */
  readonly priceModel: string
}

/** What a {@link BookPrice} is built from (once per model and dated price). */
export interface BookPriceSpec {
  readonly subject: TierSubject
  readonly source: PriceSource
  readonly dataDate: string | undefined
  /** The standard price, in genai-prices keys (USD). */
  readonly price: ModelPrice
  /** Tier prices of an override, by lower-case tier name; they win over `tiers`. */
  readonly ownTiers?: ReadonlyMap<string, CompiledTierPrice>
  readonly tiers: ServiceTierTable
}

interface TierRates {
  readonly rates: MeterRates
  /** Multiplier of the token meters, in thousandths: the tier's times the inference geography's. */
  readonly milli: number
  /** Multiplier of the per-call and tool fees, in thousandths: the tier's alone. */
  readonly feeMilli: number
}

const inferenceGeos = compileServiceTiers({}, DEFAULT_INFERENCE_GEO_PRICES)
const feeMeters: ReadonlySet<PriceMeter> = new Set(['request', 'webSearch', 'fileSearch', 'codeInterpreterSession'])

const meters: readonly PriceMeter[] = [
  'input', 'inputAudio', 'inputImage', 'cacheRead', 'cacheReadImage', 'cacheWrite', 'cacheWrite1h', 'output', 'reasoning',
  'outputAudio', 'outputImage', 'audioSecond', 'inputCharacter', 'request', 'webSearch', 'fileSearch', 'codeInterpreterSession',
]

/**
 * Builds a price: the standard rates are converted now; each service tier's rates (an explicit
 * tier price patched over the standard one, or the standard rates with a multiplier) on first use
 * of that tier name and inference geography, then cached on the price — so pricing a call is one
 * map lookup plus integer arithmetic. The geography's surcharge (`DEFAULT_INFERENCE_GEO_PRICES`)
 * multiplies the token meters only, on top of the tier.
 */
export function createBookPrice(spec: BookPriceSpec): BookPrice {
  const standardRates = meterRatesFromModelPrice(spec.price)
  const standard: TierRates = { rates: standardRates, milli: UNIT_MULTIPLIER_MILLI, feeMilli: UNIT_MULTIPLIER_MILLI }
  const byTier = new Map<string, TierRates>()
  const tierRates = (options: PriceOptions | undefined): TierRates => {
    const serviceTier = options?.serviceTier
    const inferenceGeo = options?.inferenceGeo
    if (serviceTier === undefined && inferenceGeo === undefined) return standard
    // Most calls name a tier and no geography: the tier itself is the key, no string built per call.
    const key = inferenceGeo === undefined ? (serviceTier as string) : `${serviceTier ?? ''}\u0000${inferenceGeo}`
    let found = byTier.get(key)
    if (found === undefined) {
      const tier = serviceTier === undefined ? undefined : (spec.ownTiers?.get(serviceTier.toLowerCase().trim()) ?? spec.tiers.lookup(serviceTier, spec.subject))
      const rates = tier === undefined || 'milli' in tier ? standardRates : meterRatesFromModelPrice({ ...spec.price, ...tier.patch })
      const feeMilli = tier !== undefined && 'milli' in tier ? tier.milli : UNIT_MULTIPLIER_MILLI
      const geo = inferenceGeo === undefined ? undefined : inferenceGeos.lookup(inferenceGeo, spec.subject)
      const geoMilli = geo !== undefined && 'milli' in geo ? geo.milli : UNIT_MULTIPLIER_MILLI
      found = { rates, milli: Math.round((feeMilli * geoMilli) / UNIT_MULTIPLIER_MILLI), feeMilli }
      byTier.set(key, found)
    }
    return found
  }
  return {
    provider: spec.subject.provider,
    model: spec.subject.model,
    source: spec.source,
    dataDate: spec.dataDate,
    priceProvider: spec.subject.priceProvider,
    priceModel: spec.subject.priceModel,
    cost(usage: NormalizedUsage, options?: PriceOptions): CostBreakdown {
      const { rates, milli, feeMilli } = tierRates(options)
      return costOfUsage(rates, usage, milli, feeMilli)
    },
    unitRates(inputTokens: number, options?: PriceOptions): UnitRates {
      const { rates, milli, feeMilli } = tierRates(options)
      const unit = {} as Record<PriceMeter, number>
      for (const meter of meters) unit[meter] = rateAt(rates[meter], inputTokens) * (feeMeters.has(meter) ? feeMilli : milli)
      return unit
    },
  }
}
