import type { NormalizedUsage } from '@finops-ai/core'
import type { FocusMeter, MeterRates } from './probe-meter-rates.js'

/** How much of one meter a call used, with the tokens of a subtype it includes. */
export interface MeterQuantity {
  readonly meter: FocusMeter
  readonly quantity: number
  /** Reasoning tokens inside an `output` quantity (priced like output). */
  readonly reasoningTokens?: number
  /** Audio tokens inside an `input`/`output` quantity (priced like text). */
  readonly audioTokens?: number
}

const count = (value: number | undefined): number => (value !== undefined && value > 0 ? Math.round(value) : 0)

/**
 * Splits a call's usage into the meters it is charged on, exactly as core's `costOfUsage` does
 * (subsets as documented on `NormalizedUsage`): uncached input = input − cache reads − cache
 * writes − input audio − uncached image input; cached image input is part of cache reads; output
 * includes reasoning, audio and image output. A subtype whose rate equals its parent's (e.g.
 * reasoning at the output price) stays inside the parent meter so it is rounded together, as the
 * engine does. Zero quantities are left out; one `request` per call when the price has a per-call fee; seconds, characters and tool calls only
 * when the price charges them.
 */
export function meterQuantities(usage: NormalizedUsage, rates: MeterRates): MeterQuantity[] {
  const cacheRead = count(usage.cacheReadTokens)
  const cacheReadImage = Math.min(count(usage.cacheReadImageTokens), cacheRead)
  const cacheWrite = count(usage.cacheWriteTokens)
  const cacheWrite1h = count(usage.cacheWrite1hTokens)
  const inputAudio = count(usage.inputAudioTokens)
  const inputImage = Math.max(0, count(usage.inputImageTokens) - cacheReadImage)
  const uncached = Math.max(0, count(usage.inputTokens) - cacheRead - cacheWrite - cacheWrite1h - inputAudio - inputImage)
  const quantities: MeterQuantity[] = []
  const add = (meter: FocusMeter, quantity: number, extra?: { reasoningTokens?: number; audioTokens?: number }) => {
    if (quantity > 0) quantities.push({ meter, quantity, ...extra })
  }
  let input = uncached
  let audioInInput = 0
  if (rates['input-audio'] === rates.input) {
    input += inputAudio
    audioInInput = inputAudio
  } else add('input-audio', inputAudio)
  if (rates['input-image'] === rates.input) input += inputImage
  else add('input-image', inputImage)
  add('input', input, { audioTokens: audioInInput })
  if (rates['cached-input-image'] === rates['cached-input']) add('cached-input', cacheRead)
  else {
    add('cached-input', cacheRead - cacheReadImage)
    add('cached-input-image', cacheReadImage)
  }
  if (rates['cache-write-1h'] === rates['cache-write']) add('cache-write', cacheWrite + cacheWrite1h)
  else {
    add('cache-write', cacheWrite)
    add('cache-write-1h', cacheWrite1h)
  }
  let text = count(usage.outputTokens)
  let reasoningInOutput = 0
  let audioInOutput = 0
  const reasoning = Math.min(count(usage.reasoningTokens), text)
  if (rates.reasoning !== rates.output) {
    add('reasoning', reasoning)
    text -= reasoning
  } else reasoningInOutput = reasoning
  const outputAudio = Math.min(count(usage.outputAudioTokens), text)
  if (rates['output-audio'] !== rates.output) {
    add('output-audio', outputAudio)
    text -= outputAudio
  } else audioInOutput = outputAudio
  const outputImage = Math.min(count(usage.outputImageTokens), text)
  if (rates['output-image'] !== rates.output) {
    add('output-image', outputImage)
    text -= outputImage
  }
  add('output', text, { reasoningTokens: reasoningInOutput, audioTokens: audioInOutput })
  if (rates['audio-second'] > 0) add('audio-second', count(usage.audioSeconds))
  if (rates['input-character'] > 0) add('input-character', count(usage.inputCharacters))
  if (rates.request > 0) add('request', 1)
  if (rates['web-search'] > 0) add('web-search', count(usage.webSearchRequests))
  if (rates['file-search'] > 0) add('file-search', count(usage.fileSearchCalls))
  if (rates['code-interpreter-session'] > 0) add('code-interpreter-session', count(usage.codeInterpreterSessions))
  return quantities
}
