/**
 * Rates the wrapper assumes to estimate audio calls before (and, where the response reports no
 * usage, instead of) the provider's count. Each is an estimate, and calls settled from them are
 * flagged `estimated`.
 */

/** Bytes per second of an uploaded audio file: 128 kbit/s compressed audio (e.g. MP3). */
export const AUDIO_BYTES_PER_SECOND = 16_000

/** Seconds assumed for an upload whose size is not known before it is read (a file stream). */
export const DEFAULT_AUDIO_SECONDS = 60

/**
 * Audio input tokens per minute of a `gpt-4o-*-transcribe` model: OpenAI publishes an estimated
 * $0.006 / minute for gpt-4o-transcribe at $6 / 1M audio tokens, and $0.003 at $3 for
 * gpt-4o-mini-transcribe (pricing page, as published 2025-03): 1000 tokens a minute.
 */
export const AUDIO_INPUT_TOKENS_PER_MINUTE = 1000

/** Transcript text tokens per minute of speech: about 190 words a minute at 1.3 tokens a word. */
export const TRANSCRIPT_TOKENS_PER_MINUTE = 250

/** Characters of input text spoken per second by a speech model (about 150 words a minute). */
export const SPEECH_CHARACTERS_PER_SECOND = 15

/**
 * Audio output tokens per minute of `gpt-4o-mini-tts`: OpenAI publishes an estimated $0.015 /
 * minute at $12 / 1M audio output tokens (pricing page, as published 2025-03): 1250 tokens a minute.
 */
export const SPEECH_AUDIO_TOKENS_PER_MINUTE = 1250

/**
 * Seconds of audio in an upload (`File`, `Blob`, a `Response` with `content-length`), from its
 * size at {@link AUDIO_BYTES_PER_SECOND}; {@link DEFAULT_AUDIO_SECONDS} when the size is unknown.
 */
export function estimateAudioSeconds(file: unknown): number {
  const bytes = uploadBytes(file)
  return bytes === undefined ? DEFAULT_AUDIO_SECONDS : Math.max(1, Math.ceil(bytes / AUDIO_BYTES_PER_SECOND))
}

/** Tokens for `seconds` of audio at `tokensPerMinute`, rounded up. */
export function audioTokens(seconds: number, tokensPerMinute: number): number {
  return Math.ceil((seconds * tokensPerMinute) / 60)
}

function uploadBytes(file: unknown): number | undefined {
  if (file instanceof Response) {
    const length = Number(file.headers.get('content-length') ?? Number.NaN)
    return Number.isFinite(length) ? length : undefined
  }
  const size = (file as { size?: unknown } | null)?.size
  return typeof size === 'number' && Number.isFinite(size) ? size : undefined
}
