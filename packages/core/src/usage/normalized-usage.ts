/**
 * Usage of one call in one shape for every provider, with OpenTelemetry GenAI semantics:
 * `inputTokens` INCLUDES cached reads and cache writes (Anthropic's separate counts are added up
 * by its adapter); `outputTokens` INCLUDES reasoning tokens.
 *
 * Which counts are parts of which (adapters must report them this way; `costOfUsage` relies on it):
 *
 * ```text
 * inputTokens ⊇ cacheReadTokens ⊇ cacheReadImageTokens
 *             ⊇ cacheWriteTokens, cacheWrite1hTokens   (disjoint from each other and from reads)
 *             ⊇ inputAudioTokens                       (uncached audio only)
 *             ⊇ inputImageTokens ⊇ cacheReadImageTokens
 * outputTokens ⊇ reasoningTokens, outputAudioTokens, outputImageTokens   (disjoint)
 * ```
 *
 * So uncached text input = `inputTokens − cacheReadTokens − cacheWriteTokens − cacheWrite1hTokens −
 * inputAudioTokens − (inputImageTokens − cacheReadImageTokens)`. `audioSeconds`, `inputCharacters`
 * and the tool counts are separate quantities, not tokens: a call billed by duration or by
 * character may report `inputTokens: 0`.
 */
export interface NormalizedUsage {
  /** All input tokens, cached and cache-written ones included. */
  inputTokens: number
  /** All output tokens, reasoning included. */
  outputTokens: number
  /** Input tokens served from the provider's prompt cache (subset of `inputTokens`, image reads included). */
  cacheReadTokens?: number
  /**
   * Input tokens written to the prompt cache with the default TTL (Anthropic 5 minutes, OpenAI
   * 30 minutes; subset of `inputTokens`), priced at the table's `cache_write_mtok`.
   */
  cacheWriteTokens?: number
  /**
   * Input tokens written to the prompt cache with the extended TTL (Anthropic 1 hour, OpenAI 12 hours;
   * subset of `inputTokens`), priced at `cache_write_1h_mtok`, or at `cache_write_mtok` when the
   * table has one cache-write price for every TTL.
   */
  cacheWrite1hTokens?: number
  /** Reasoning/thinking tokens (subset of `outputTokens`). */
  reasoningTokens?: number
  /** Uncached input audio tokens (subset of `inputTokens`), priced separately where the provider does. */
  inputAudioTokens?: number
  /** Output audio tokens (subset of `outputTokens`). */
  outputAudioTokens?: number
  /** Input image tokens, cached ones included (subset of `inputTokens`), priced separately where the provider does (GPT image models). */
  inputImageTokens?: number
  /** Cached input image tokens (subset of `cacheReadTokens` and of `inputImageTokens`). */
  cacheReadImageTokens?: number
  /** Output image tokens (subset of `outputTokens`), e.g. the generated image of a GPT image model. */
  outputImageTokens?: number
  /** Seconds of input audio billed by duration (e.g. `whisper-1` transcriptions), not by tokens; rounded to the second when priced. */
  audioSeconds?: number
  /** Characters of input billed per character (e.g. `tts-1` speech). */
  inputCharacters?: number
  /** Server-side web search requests, billed per request. */
  webSearchRequests?: number
  /** Server-side file (vector store) search calls, billed per call. */
  fileSearchCalls?: number
  /** Code-interpreter container sessions, billed per session. */
  codeInterpreterSessions?: number
}
