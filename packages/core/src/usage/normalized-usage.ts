/**
 * Token usage of one call in one shape for every provider, with OpenTelemetry GenAI semantics:
 * `inputTokens` INCLUDES cached reads and cache writes (Anthropic's separate counts are added up
 * by its adapter); `outputTokens` INCLUDES reasoning tokens.
 */
export interface NormalizedUsage {
  /** All input tokens, cached and cache-written ones included. */
  inputTokens: number
  /** All output tokens, reasoning included. */
  outputTokens: number
  /** Input tokens served from the provider's prompt cache (subset of `inputTokens`). */
  cacheReadTokens?: number
  /** Input tokens written to the prompt cache with the default (5 minute) TTL (subset of `inputTokens`). */
  cacheWriteTokens?: number
  /** Input tokens written to the prompt cache with a 1 hour TTL (subset of `inputTokens`). */
  cacheWrite1hTokens?: number
  /** Reasoning/thinking tokens (subset of `outputTokens`). */
  reasoningTokens?: number
  /** Input audio tokens (subset of `inputTokens`), priced separately where the provider does. */
  inputAudioTokens?: number
  /** Output audio tokens (subset of `outputTokens`). */
  outputAudioTokens?: number
  /** Input image tokens (subset of `inputTokens`), priced separately where the provider does (GPT image models). */
  inputImageTokens?: number
  /** Cached input image tokens (subset of `cacheReadTokens` and of `inputImageTokens`). */
  cacheReadImageTokens?: number
  /** Output image tokens (subset of `outputTokens`), e.g. the generated image of a GPT image model. */
  outputImageTokens?: number
  /** Seconds of audio billed by duration (e.g. `whisper-1` transcriptions), not by tokens. */
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
