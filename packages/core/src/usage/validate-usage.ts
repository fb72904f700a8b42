import { diag } from '@opentelemetry/api'
import type { CallRequest } from '../call/call-request.js'
import type { CallResult } from '../call/call-result.js'
import type { NormalizedUsage } from './normalized-usage.js'

/**
 * The largest count of any usage field the engine accepts: 2^32 − 1 (4,294,967,295). No real call
 * comes near it (the largest context windows hold millions of tokens); it keeps the cost of any
 * call at any published price a safe integer of nano-USD, so spend never becomes inexact or
 * `Infinity`.
 */
export const maxUsageCount = 2 ** 32 - 1

/** Counts that are parts of `inputTokens` or `outputTokens`; `cacheReadImageTokens` is also part of `cacheReadTokens`. */
const parentOf: Partial<Record<keyof NormalizedUsage, 'inputTokens' | 'outputTokens'>> = {
  cacheReadTokens: 'inputTokens',
  cacheWriteTokens: 'inputTokens',
  cacheWrite1hTokens: 'inputTokens',
  inputAudioTokens: 'inputTokens',
  inputImageTokens: 'inputTokens',
  cacheReadImageTokens: 'inputTokens',
  reasoningTokens: 'outputTokens',
  outputAudioTokens: 'outputTokens',
  outputImageTokens: 'outputTokens',
}

/** What the engine reserved for the call: replaces a total the provider reported unusably. */
export interface UsageEstimate {
  inputTokens: number
  /** Called only when `outputTokens` of the usage is unusable. */
  outputTokens: () => number
}

function isCount(key: keyof NormalizedUsage, value: unknown): value is number {
  if (typeof value !== 'number' || !(value >= 0) || value > maxUsageCount) return false
  // Audio is billed by the second, rounded when priced: a fraction is a real measurement.
  return key === 'audioSeconds' || Number.isInteger(value)
}

function isValid(usage: NormalizedUsage): boolean {
  for (const key in usage) {
    const value = usage[key as keyof NormalizedUsage]
    if (value !== undefined && !isCount(key as keyof NormalizedUsage, value)) return false
    const parent = parentOf[key as keyof NormalizedUsage]
    if (parent !== undefined && (value as number) > usage[parent]) return false
  }
  return isCount('inputTokens', usage.inputTokens) && isCount('outputTokens', usage.outputTokens)
}

/** Result of {@link validateUsage}. */
export interface ValidatedUsage {
  /** The usage to price and count. */
  usage: NormalizedUsage
  /** What was wrong, one entry per field (`'inputTokens: -1000'`); empty when the usage was valid. */
  problems: string[]
  /** True when a total was replaced by the estimate. */
  estimated: boolean
}

/**
 * Usage as the provider reported it when every count is a non-negative integer of at most
 * {@link maxUsageCount} and no part exceeds its total (the same object: no copy on the hot path);
 * otherwise a repaired copy and the list of what was wrong:
 *
 * - `inputTokens` / `outputTokens` that are negative, not a number or not finite: the call's
 *   estimate (what was reserved), so a call is never free because of a bad count;
 * - a fraction: rounded up; above {@link maxUsageCount}: clamped to it;
 * - a part (`cacheReadTokens`, `reasoningTokens`, …) that is unusable is dropped, so its tokens are
 *   charged at the full rate of its total; a part above its total is clamped to the total;
 * - a separately billed quantity (`audioSeconds`, `inputCharacters`, tool calls) that is negative or
 *   not a number is dropped (counted as 0; there is nothing to estimate it from).
 */
export function validateUsage(usage: NormalizedUsage, estimate: UsageEstimate): ValidatedUsage {
  if (isValid(usage)) return { usage, problems: [], estimated: false }
  const problems: string[] = []
  const repaired: NormalizedUsage = { inputTokens: 0, outputTokens: 0 }
  const repair = (key: keyof NormalizedUsage, value: unknown): number | undefined => {
    if (isCount(key, value)) return value
    if (typeof value !== 'number' || Number.isNaN(value) || value < 0 || value === Number.NEGATIVE_INFINITY) {
      problems.push(`${key}: ${String(value)}`)
      return undefined
    }
    problems.push(`${key}: ${String(value)} (clamped)`)
    return Math.min(Math.ceil(value), maxUsageCount)
  }
  const inputTokens = repair('inputTokens', usage.inputTokens)
  const outputTokens = repair('outputTokens', usage.outputTokens)
  repaired.inputTokens = inputTokens ?? estimate.inputTokens
  repaired.outputTokens = outputTokens ?? estimate.outputTokens()
  for (const key in usage) {
    const field = key as keyof NormalizedUsage
    if (field === 'inputTokens' || field === 'outputTokens' || usage[field] === undefined) continue
    let value = repair(field, usage[field])
    const parent = parentOf[field]
    if (value !== undefined && parent !== undefined && value > repaired[parent]) {
      problems.push(`${field}: ${value} exceeds ${parent} ${repaired[parent]} (clamped)`)
      value = repaired[parent]
    }
    if (value !== undefined) repaired[field] = value
  }
  return { usage: repaired, problems, estimated: inputTokens === undefined || outputTokens === undefined }
}

/**
 * `result` with its usage validated by {@link validateUsage} against the call's estimate (the
 * request's `estimatedInputTokens` and `estimatedOutputTokens(request)`): the same object when
 * valid (nothing allocated); else a copy with the repaired usage, marked `estimated` when a total
 * was replaced by the estimate, after one `diag.warn` naming the provider, model and what was wrong.
 */
export function validateResult(result: CallResult, request: CallRequest, estimatedOutputTokens: (request: CallRequest) => number): CallResult {
  if (isValid(result.usage)) return result
  const estimate = { inputTokens: request.estimatedInputTokens, outputTokens: () => estimatedOutputTokens(request) }
  const { usage, problems, estimated } = validateUsage(result.usage, estimate)
  diag.warn(`finops-ai: ${request.provider} model '${request.model}' reported unusable usage (${problems.join(', ')}); counted as repaired (see docs/reliability.md)`)
  return estimated ? { ...result, usage, estimated } : { ...result, usage }
}
