import type { RecordOutputsRequest } from '@finops-ai/core'
import type { RedisKeys } from './redis-keys.js'
import { integerArgument } from './script-arguments.js'
import type { ScriptCommand } from './script-sender.js'

/**
 * KEYS and ARGV of the `recordOutputs` script (see `scripts/record-outputs-script.ts`). Only the
 * last `window` counts are sent: older ones would be trimmed at once.
 *
 * @throws RangeError when `window` is not a positive safe integer or a count is not a
 * non-negative safe integer (the store operation then rejects; nothing is written).
 */
export function recordOutputsCommand(keys: RedisKeys, request: RecordOutputsRequest, ttlMs: number): ScriptCommand {
  const { window, tokens } = request
  if (!Number.isSafeInteger(window) || window <= 0) throw new RangeError(`finops-ai redis store: window must be a positive safe integer, got ${window}`)
  const args = [String(window), integerArgument(ttlMs, 'learnedOutputsTtlMs')]
  for (let index = Math.max(0, tokens.length - window); index < tokens.length; index++) args.push(integerArgument(tokens[index]!, `tokens[${index}]`))
  return { keys: [keys.outputs(request.key)], args }
}

/** The counts in a `recordOutputs` reply, or `undefined` when the reply is malformed. */
export function outputCounts(reply: number[], request: RecordOutputsRequest): number[] | undefined {
  return reply.length <= request.window && reply.every((count) => Number.isSafeInteger(count) && count >= 0) ? reply : undefined
}
