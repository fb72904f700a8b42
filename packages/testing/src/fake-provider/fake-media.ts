import type { FakeUpload } from './multipart-body.js'

/** A 1×1 transparent PNG, base64: every image the fake provider "generates". */
export const FAKE_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='

/**
 * Image output tokens per image at each quality, OpenAI's published figures for a 1024×1024 GPT
 * image (low 272, medium 1056, high 4160); the fake provider reports them for every size.
 * `auto` (and an absent quality) is served as `medium`.
 */
export const FAKE_IMAGE_TOKENS: Readonly<Record<string, number>> = { low: 272, medium: 1056, high: 4160 }

/** Image input tokens the fake provider reports per input image of an edit. */
export const FAKE_INPUT_IMAGE_TOKENS = 194

/** Output tokens the fake provider adds per streamed partial image (OpenAI: 100). */
export const FAKE_PARTIAL_IMAGE_TOKENS = 100

/** Bytes per second of uploaded audio: the fake provider takes every upload as 16 kHz 16-bit mono PCM. */
export const FAKE_AUDIO_BYTES_PER_SECOND = 32_000

/** Audio input tokens per second of uploaded audio the fake provider reports (one per 100 ms). */
export const FAKE_AUDIO_TOKENS_PER_SECOND = 10

/** Seconds of an uploaded audio file under the fake rule, rounded up to whole seconds (at least 1). */
export function fakeAudioSeconds(upload: unknown): number {
  const size = (upload as Partial<FakeUpload> | undefined)?.size
  return typeof size === 'number' && size > 0 ? Math.ceil(size / FAKE_AUDIO_BYTES_PER_SECOND) : 1
}
