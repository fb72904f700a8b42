import type { CallResult, NormalizedUsage } from '@finops-ai/core'

/** `known` completed with `usage`, in place: a reader's result without a copy per call. */
export function withUsage(known: Omit<CallResult, 'usage'>, usage: NormalizedUsage): CallResult {
  const result = known as CallResult
  result.usage = usage
  return result
}
