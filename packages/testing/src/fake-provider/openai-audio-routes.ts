import { fakeReplyWords, fakeInputTokens } from './fake-tokens.js'
import { FAKE_AUDIO_TOKENS_PER_SECOND, fakeAudioSeconds } from './fake-media.js'
import type { JsonObject, RouteContext, RouteResult } from './fake-route.js'
import type { ServerSentEvent } from './server-sent-events.js'

const TEXT_FORMATS = new Set(['text', 'srt', 'vtt'])

/**
 * `POST /v1/audio/transcriptions` (multipart). The transcript is the fake reply (`replyWords`
 * words). Usage: `whisper-*` models `{ type: 'duration', seconds }` with the upload's seconds
 * (`fakeAudioSeconds`); other models `{ type: 'tokens' }` with input = audio tokens
 * (`FAKE_AUDIO_TOKENS_PER_SECOND` per second, `input_token_details.audio_tokens`) + the `prompt`'s
 * words (`text_tokens`), output = the transcript's words. `response_format` `text`/`srt`/`vtt`
 * answers the plain transcript (no usage), `verbose_json` adds `duration`, `language`, `segments`.
 * `stream: true` (token models) sends one `transcript.text.delta` per word and a
 * `transcript.text.done` with the text and usage.
 */
export function transcriptionsRoute(context: RouteContext): RouteResult {
  const { body } = context
  const seconds = fakeAudioSeconds(body.file)
  const words = fakeReplyWords(context.replyWords)
  const text = words.join(' ')
  const audioTokens = seconds * FAKE_AUDIO_TOKENS_PER_SECOND
  const textTokens = fakeInputTokens(body.prompt)
  const usage: JsonObject =
    typeof body.model === 'string' && body.model.startsWith('whisper')
      ? { type: 'duration', seconds }
      : {
          type: 'tokens',
          input_tokens: audioTokens + textTokens,
          input_token_details: { audio_tokens: audioTokens, text_tokens: textTokens },
          output_tokens: words.length,
          total_tokens: audioTokens + textTokens + words.length,
        }
  if (body.stream === true) {
    const events: ServerSentEvent[] = words.map((word, index) => ({
      data: { type: 'transcript.text.delta', delta: index === 0 ? word : ` ${word}` },
    }))
    events.push({ data: { type: 'transcript.text.done', text, usage } })
    return { type: 'events', events }
  }
  return transcriptResponse(body, text, seconds, 'transcribe', usage)
}

/**
 * `POST /v1/audio/translations` (multipart, whisper models): the fake reply as the English text,
 * `{ text }` without usage (as the real API), `verbose_json` with `duration` (the upload's seconds),
 * or the plain text for `text`/`srt`/`vtt`.
 */
export function translationsRoute(context: RouteContext): RouteResult {
  const text = fakeReplyWords(context.replyWords).join(' ')
  return transcriptResponse(context.body, text, fakeAudioSeconds(context.body.file), 'translate', undefined)
}

function transcriptResponse(body: JsonObject, text: string, seconds: number, task: string, usage: JsonObject | undefined): RouteResult {
  const format = typeof body.response_format === 'string' ? body.response_format : 'json'
  if (TEXT_FORMATS.has(format)) return { type: 'bytes', status: 200, contentType: 'text/plain; charset=utf-8', body: text }
  const withUsage = usage === undefined ? {} : { usage }
  if (format === 'verbose_json') {
    const segment = { id: 0, seek: 0, start: 0, end: seconds, text, tokens: [], temperature: 0, avg_logprob: 0, compression_ratio: 1, no_speech_prob: 0 }
    return { type: 'json', status: 200, body: { task, language: 'english', duration: seconds, text, segments: [segment], ...withUsage } }
  }
  return { type: 'json', status: 200, body: { text, ...withUsage } }
}

/** Bytes of fake speech audio per input character. */
const SPEECH_BYTES_PER_CHARACTER = 100

/**
 * `POST /v1/audio/speech` (JSON): `SPEECH_BYTES_PER_CHARACTER` zero bytes per character of
 * `input` as `audio/mpeg` (the real API reports no usage; the bytes are not playable audio). With
 * `stream_format: 'sse'`: one `speech.audio.delta` event (base64 audio) per word of `input`, then
 * `speech.audio.done` with `usage`: input = the words of `input` and `instructions`, output = one
 * audio token per character of `input`.
 */
export function speechRoute(context: RouteContext): RouteResult {
  const { body } = context
  const input = typeof body.input === 'string' ? body.input : ''
  if (body.stream_format !== 'sse') {
    return { type: 'bytes', status: 200, contentType: 'audio/mpeg', body: Buffer.alloc(input.length * SPEECH_BYTES_PER_CHARACTER) }
  }
  const events: ServerSentEvent[] = input
    .split(/\s+/)
    .filter((word) => word !== '')
    .map((word) => ({ data: { type: 'speech.audio.delta', audio: Buffer.alloc(word.length * SPEECH_BYTES_PER_CHARACTER).toString('base64') } }))
  const inputTokens = fakeInputTokens(input) + fakeInputTokens(body.instructions)
  events.push({ data: { type: 'speech.audio.done', usage: { input_tokens: inputTokens, output_tokens: input.length, total_tokens: inputTokens + input.length } } })
  return { type: 'events', events }
}
