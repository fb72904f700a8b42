import { meterNanos } from '../money/meter-nanos.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import type { CostBreakdown } from './price-book-types.js'
import { rateAt, type MeterRate, type MeterRates } from './meter-rates.js'

/**
 * The exact cost of `usage` in integer nano-USD, with the subsets documented on
 * {@link NormalizedUsage} (all differences clamped at 0):
 * - uncached text input = input − cache reads − cache writes (both TTLs) − input audio − uncached image input,
 *   uncached image input = image input − cached image input;
 * - text cache reads = cache reads − cached image input;
 * - text output = output − reasoning − output audio − output image.
 *
 * Each meter is rounded once, half-up (see `meterNanos`); meters sharing a rate (a subtype without
 * its own price) are merged with their parent first, so they round once. Audio seconds and input
 * characters count as input; per-call, web search, file search and code-interpreter fees as
 * requests (one request per call). `multiplierMilli` (a service tier's multiplier, in thousandths)
 * scales every meter before rounding; `feeMilli` (default `multiplierMilli`) replaces it for the
 * per-call and tool fees (a surcharge on tokens only, such as Anthropic's US-only inference).
 */
export function costOfUsage(rates: MeterRates, usage: NormalizedUsage, multiplierMilli: number, feeMilli = multiplierMilli): CostBreakdown {
  const input = usage.inputTokens
  const tier = rates.tiered ? input : -1
  const cacheRead = usage.cacheReadTokens ?? 0
  const cacheReadImage = Math.min(usage.cacheReadImageTokens ?? 0, cacheRead)
  const cacheWrite = usage.cacheWriteTokens ?? 0
  const cacheWrite1h = usage.cacheWrite1hTokens ?? 0
  const inputAudio = usage.inputAudioTokens ?? 0
  const inputImage = Math.max(0, (usage.inputImageTokens ?? 0) - cacheReadImage)
  const uncached = Math.max(0, input - cacheRead - cacheWrite - cacheWrite1h - inputAudio - inputImage)

  // A subtype priced like its parent (the same meter object) is added to the parent: one rounding.
  let text = uncached
  let inputNanos = 0
  if (rates.inputAudio === rates.input) text += inputAudio
  else inputNanos += charge(inputAudio, rates.inputAudio, tier, multiplierMilli)
  if (rates.inputImage === rates.input) text += inputImage
  else inputNanos += charge(inputImage, rates.inputImage, tier, multiplierMilli)
  inputNanos += charge(text, rates.input, tier, multiplierMilli)
  if (usage.audioSeconds !== undefined) inputNanos += charge(usage.audioSeconds, rates.audioSecond, tier, multiplierMilli)
  if (usage.inputCharacters !== undefined) inputNanos += charge(usage.inputCharacters, rates.inputCharacter, tier, multiplierMilli)

  const cacheReadNanos =
    rates.cacheReadImage === rates.cacheRead
      ? charge(cacheRead, rates.cacheRead, tier, multiplierMilli)
      : charge(cacheRead - cacheReadImage, rates.cacheRead, tier, multiplierMilli) + charge(cacheReadImage, rates.cacheReadImage, tier, multiplierMilli)
  const cacheWriteNanos =
    rates.cacheWrite1h === rates.cacheWrite
      ? charge(cacheWrite + cacheWrite1h, rates.cacheWrite, tier, multiplierMilli)
      : charge(cacheWrite, rates.cacheWrite, tier, multiplierMilli) + charge(cacheWrite1h, rates.cacheWrite1h, tier, multiplierMilli)

  let output = Math.max(0, usage.outputTokens)
  let outputNanos = 0
  if (rates.reasoning !== rates.output && usage.reasoningTokens !== undefined) {
    const reasoning = Math.min(usage.reasoningTokens, output)
    outputNanos += charge(reasoning, rates.reasoning, tier, multiplierMilli)
    output -= Math.max(0, reasoning)
  }
  if (rates.outputAudio !== rates.output && usage.outputAudioTokens !== undefined) {
    const audio = Math.min(usage.outputAudioTokens, output)
    outputNanos += charge(audio, rates.outputAudio, tier, multiplierMilli)
    output -= Math.max(0, audio)
  }
  if (rates.outputImage !== rates.output && usage.outputImageTokens !== undefined) {
    const image = Math.min(usage.outputImageTokens, output)
    outputNanos += charge(image, rates.outputImage, tier, multiplierMilli)
    output -= Math.max(0, image)
  }
  outputNanos += charge(output, rates.output, tier, multiplierMilli)

  let requestNanos = charge(1, rates.request, tier, feeMilli)
  if (usage.webSearchRequests !== undefined) requestNanos += charge(usage.webSearchRequests, rates.webSearch, tier, feeMilli)
  if (usage.fileSearchCalls !== undefined) requestNanos += charge(usage.fileSearchCalls, rates.fileSearch, tier, feeMilli)
  if (usage.codeInterpreterSessions !== undefined) requestNanos += charge(usage.codeInterpreterSessions, rates.codeInterpreterSession, tier, feeMilli)
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
