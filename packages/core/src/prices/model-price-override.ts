import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { Currency } from '../money/currency.js'
import { picoPerTokenFromMtok, picoPerUnitFromUsd } from '../money/pico-rate.js'
import { flatMeter, meterRates, type MeterRates } from './meter-rates.js'

/**
 * A user's price for a model (negotiated, on-prem, or missing from the bundled data). Token prices
 * are per 1M tokens in `currency`; omitted cache and audio prices fall back to `input`, an omitted
 * `cacheWrite1h` to `cacheWrite`, omitted `reasoning`/`outputAudio` to `output`.
 */
export interface ModelPriceOverride {
  /** Uncached input tokens, per 1M. */
  input: number
  /** Output tokens (reasoning and audio included unless priced separately), per 1M. */
  output: number
  /** Cache reads, per 1M. Default: `input`. */
  cacheRead?: number
  /** Cache writes with the 5-minute TTL, per 1M. Default: `input`. */
  cacheWrite?: number
  /** Cache writes with the 1-hour TTL, per 1M. Default: `cacheWrite`. */
  cacheWrite1h?: number
  /** Reasoning tokens, per 1M. Default: `output`. */
  reasoning?: number
  /** Input audio tokens, per 1M. Default: `input`. */
  inputAudio?: number
  /** Output audio tokens, per 1M. Default: `output`. */
  outputAudio?: number
  /** Fee per call (not per 1M). Default: none. */
  perRequest?: number
  /** ISO 4217 code the prices are in; its rate must be in `exchangeRates`. Default `'USD'`. */
  currency?: string
}

const tokenFields = ['input', 'output', 'cacheRead', 'cacheWrite', 'cacheWrite1h', 'reasoning', 'inputAudio', 'outputAudio'] as const

/**
 * Validates every override once and converts it to integer meter rates in USD. Keys are a model id
 * or `provider:model` with a `gen_ai.provider.name` (e.g. `azure.ai.openai:gpt-4o`); they are
 * matched case-insensitively. All problems are reported together in one {@link ConfigError}, each at
 * `<path>["<key>"].<field>` (`path` defaults to `prices`, the `createFinOps` option name).
 */
export function parsePriceOverrides(
  overrides: Readonly<Record<string, ModelPriceOverride>>,
  converter: Currency,
  path = 'prices',
): ReadonlyMap<string, MeterRates> {
  const issues: ConfigIssue[] = []
  const parsed = new Map<string, MeterRates>()
  for (const [key, override] of Object.entries(overrides)) {
    const at = `${path}[${JSON.stringify(key)}]`
    if (typeof override !== 'object' || override === null) {
      issues.push({ path: at, detail: 'expected an object such as { input: 2.5, output: 10 }' })
      continue
    }
    const before = issues.length
    for (const field of ['input', 'output'] as const) {
      if (override[field] === undefined) issues.push({ path: `${at}.${field}`, detail: 'required: price per 1M tokens' })
    }
    for (const field of [...tokenFields, 'perRequest'] as const) {
      const value = override[field]
      if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
        issues.push({ path: `${at}.${field}`, detail: `expected a price ≥ 0, got ${String(value)}` })
      }
    }
    let rate = 1
    try {
      rate = converter.rate(override.currency ?? 'USD', `${at}.currency`)
    } catch (error) {
      if (!ConfigError.isInstance(error)) throw error
      issues.push(...error.issues)
    }
    if (issues.length > before) continue
    const token = (value: number | undefined) => (value === undefined ? undefined : flatMeter(picoPerTokenFromMtok(value / rate)))
    parsed.set(key.toLowerCase().trim(), meterRates({
      input: token(override.input),
      output: token(override.output),
      cacheRead: token(override.cacheRead),
      cacheWrite: token(override.cacheWrite),
      cacheWrite1h: token(override.cacheWrite1h),
      reasoning: token(override.reasoning),
      inputAudio: token(override.inputAudio),
      outputAudio: token(override.outputAudio),
      request: override.perRequest === undefined ? undefined : flatMeter(picoPerUnitFromUsd(override.perRequest / rate)),
    }))
  }
  if (issues.length > 0) throw new ConfigError(issues)
  return parsed
}
