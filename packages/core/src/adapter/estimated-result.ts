import type { CallResult } from '../call/call-result.js'
import { CHARACTERS_PER_TOKEN } from './estimate-tokens.js'

/**
 * A result whose usage had to be estimated (no usage reported: a cut, cancelled or usage-less
 * stream, a raw response nobody parsed): the request's input estimate and the output text seen,
 * at about {@link CHARACTERS_PER_TOKEN} characters per token. Flagged `estimated: true`.
 */
export function estimatedResult(
  estimatedInputTokens: number,
  outputCharacters: number,
  known: Omit<CallResult, 'usage' | 'estimated'> = {},
): CallResult {
  return {
    ...known,
    usage: { inputTokens: estimatedInputTokens, outputTokens: Math.ceil(outputCharacters / CHARACTERS_PER_TOKEN) },
    estimated: true,
  }
}
