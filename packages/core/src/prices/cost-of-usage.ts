import { meterNanos } from '../money/meter-nanos.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import type { CostBreakdown } from './price-book-types.js'
import { rateAt, type MeterRate, type MeterRates } from './meter-rates.js'

/**
 * The exact cost of `usage` in integer nano-USD. Token split (all clamped at 0):
 * uncached input = inputTokens − cacheRead − cacheWrite − cacheWrite1h − inputAudio;
 * text output = outputTokens − reasoning − outputAudio. Each meter is rounded once, half-up
 * (see `meterNanos`); meters sharing a rate are merged first, so a model without a reasoning
 * price rounds its output once. A per-request fee counts one request per call. `multiplierMilli`
 * (service tier, in thousandths) scales every meter before rounding.
 */
export function costOfUsage(rates: MeterRates, usage: NormalizedUsage, multiplierMilli: number): CostBreakdown {
  const input = usage.inputTokens
  const tier = rates.tiered ? input : -1
  const cacheRead = usage.cacheReadTokens ?? 0
  const cacheWrite = usage.cacheWriteTokens ?? 0
  const cacheWrite1h = usage.cacheWrite1hTokens ?? 0
  const inputAudio = usage.inputAudioTokens ?? 0
  const uncached = Math.max(0, input - cacheRead - cacheWrite - cacheWrite1h - inputAudio)

  const inputNanos =
    rates.inputAudio === rates.input
      ? charge(uncached + inputAudio, rates.input, tier, multiplierMilli)
      : charge(uncached, rates.input, tier, multiplierMilli) + charge(inputAudio, rates.inputAudio, tier, multiplierMilli)
  const cacheReadNanos = charge(cacheRead, rates.cacheRead, tier, multiplierMilli)
  const cacheWriteNanos =
    rates.cacheWrite1h === rates.cacheWrite
      ? charge(cacheWrite + cacheWrite1h, rates.cacheWrite, tier, multiplierMilli)
      : charge(cacheWrite, rates.cacheWrite, tier, multiplierMilli) + charge(cacheWrite1h, rates.cacheWrite1h, tier, multiplierMilli)

  let text = usage.outputTokens
  let outputNanos = 0
  if (rates.reasoning !== rates.output) {
    const reasoning = Math.min(usage.reasoningTokens ?? 0, Math.max(0, text))
    outputNanos += charge(reasoning, rates.reasoning, tier, multiplierMilli)
    text -= reasoning
  }
  if (rates.outputAudio !== rates.output) {
    const audio = Math.min(usage.outputAudioTokens ?? 0, Math.max(0, text))
    outputNanos += charge(audio, rates.outputAudio, tier, multiplierMilli)
    text -= audio
  }
  outputNanos += charge(text, rates.output, tier, multiplierMilli)

  const requestNanos =
    charge(1, rates.request, tier, multiplierMilli) + charge(usage.webSearchRequests ?? 0, rates.webSearch, tier, multiplierMilli)
  return {
    totalNanos: inputNanos + cacheReadNanos + cacheWriteNanos + outputNanos + requestNanos,
    inputNanos,
    cacheReadNanos,
    cacheWriteNanos,
    outputNanos,
    requestNanos,
  }
}

/** One meter's nanos; `tierInput` is the call's input tokens for tiered prices, or -1 for flat ones. */
function charge(quantity: number, meter: MeterRate, tierInput: number, multiplierMilli: number): number {
  return meterNanos(quantity, tierInput < 0 ? meter.base : rateAt(meter, tierInput), multiplierMilli)
}
