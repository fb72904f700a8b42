import { diag } from '@opentelemetry/api'
import type { CallHandle, CallResult, NormalizedUsage } from '@finops-ai/core'
import { numberField, objectField } from './operation-request.js'

const DONE_EVENT = '"speech.audio.done"'

/**
 * Settles a speech call answered as server-sent events (`stream_format: 'sse'`, which the SDK
 * returns as a raw `Response`): reads a clone of the body (take it before the caller reads theirs)
 * line by line, keeping only the `speech.audio.done` event, and succeeds with its `usage` (input
 * tokens, output tokens as `outputAudioTokens`). Without that event, or when reading the clone
 * fails, the call's `estimate` is settled. The audio deltas are never held here; the caller's
 * branch keeps what the caller has not read yet, as any clone does.
 */
export function settleSpeechEvents(handle: CallHandle, response: Response, estimate: CallResult): void {
  const body = response.clone().body
  if (body === null) {
    handle.succeed(estimate)
    return
  }
  findDoneUsage(body).then(
    (usage) => handle.succeed(usage === undefined ? estimate : { usage }),
    (error: unknown) => {
      diag.debug('finops-ai: reading speech events failed; settling the estimate', error)
      handle.succeed(estimate)
    },
  )
}

/** Whether `response` is a server-sent event stream. */
export function isEventStream(response: Response): boolean {
  return response.headers.get('content-type')?.includes('text/event-stream') === true
}

/** Reads `body` to its end (a clone's branch: cancelling it early would wait for the caller's branch). */
async function findDoneUsage(body: ReadableStream<Uint8Array>): Promise<NormalizedUsage | undefined> {
  const decoder = new TextDecoder()
  let pending = ''
  let usage: NormalizedUsage | undefined
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true })
    let newline = pending.indexOf('\n')
    while (newline !== -1) {
      usage = usageOfLine(pending.slice(0, newline)) ?? usage
      pending = pending.slice(newline + 1)
      newline = pending.indexOf('\n')
    }
  }
  return usageOfLine(pending + decoder.decode()) ?? usage
}

/** The usage of a `speech.audio.done` data line. Never throws: leaving the read loop early would wait for the caller's branch of the body. */
function usageOfLine(line: string): NormalizedUsage | undefined {
  if (!line.startsWith('data:') || !line.includes(DONE_EVENT)) return undefined
  let event: unknown
  try {
    event = JSON.parse(line.slice(5))
  } catch {
    return undefined
  }
  const usage = objectField(objectField(event)?.usage)
  const inputTokens = numberField(usage?.input_tokens)
  const outputTokens = numberField(usage?.output_tokens)
  if (inputTokens === undefined || outputTokens === undefined) return undefined
  return outputTokens > 0 ? { inputTokens, outputTokens, outputAudioTokens: outputTokens } : { inputTokens, outputTokens }
}
