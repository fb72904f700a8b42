import { estimatedResult, readResponseIdentity, textPart, type CallHandle, type CallResult, type StreamObserver } from '@finops-ai/core'
import { objectField, stringField } from './operation-request.js'
import { readResponseResult } from './read-response-result.js'
import { readResponseOutputContent } from './responses-content.js'

/** Terminal Responses stream events: they carry the final `response` with its `usage`. */
const TERMINAL_EVENTS = new Set(['response.completed', 'response.incomplete', 'response.failed'])

/** Events whose `delta` is generated text. */
const TEXT_DELTA_EVENTS = new Set([
  'response.output_text.delta',
  'response.refusal.delta',
  'response.function_call_arguments.delta',
  'response.reasoning_text.delta',
  'response.reasoning_summary_text.delta',
])

/** Raised as the call's error when a Responses stream ends with `response.failed`. */
export class ResponseFailedError extends Error {
  /** The `error.code` of the failed response, e.g. `server_error`. */
  readonly code: string | undefined

  constructor(error: unknown) {
    const fields = objectField(error)
    super(stringField(fields?.message) ?? 'response failed')
    this.name = 'ResponseFailedError'
    this.code = stringField(fields?.code)
  }
}

/**
 * Observes a Responses API event stream and settles its call: usage and response fields from the
 * terminal `response.completed` / `response.incomplete` / `response.failed` event (a failed
 * response fails the call with {@link ResponseFailedError} and its usage). Without a terminal event
 * (cut or cancelled stream) the output is estimated from the text deltas, flagged `estimated`.
 *
 * With `captureContent`, the result carries the completion: the terminal response's `output`, or
 * without one the `response.output_text.delta` text seen (finish reason `incomplete`).
 */
export function trackResponseStream(handle: CallHandle, estimatedInputTokens: number, captureContent = false): StreamObserver<unknown> {
  let terminal: { type: string; response: unknown } | undefined
  let started: Record<string, unknown> | undefined
  let outputCharacters = 0
  let outputText = ''

  const result = (): CallResult => {
    if (terminal) {
      const read = readResponseResult(terminal.response, estimatedInputTokens, outputCharacters)
      if (captureContent) read.outputContent = readResponseOutputContent(terminal.response)
      return read
    }
    const known = readResponseIdentity(started)
    if (captureContent) known.outputContent = [{ role: 'assistant', parts: outputText === '' ? [] : [textPart(outputText)], finish_reason: 'incomplete' }]
    return estimatedResult(estimatedInputTokens, outputCharacters, known)
  }

  return {
    first: () => handle.firstChunk(),
    item(event) {
      const fields = objectField(event)
      const type = stringField(fields?.type)
      if (fields === undefined || type === undefined) return true
      if (TEXT_DELTA_EVENTS.has(type)) {
        if (typeof fields.delta === 'string') {
          outputCharacters += fields.delta.length
          if (captureContent && type === 'response.output_text.delta') outputText += fields.delta
        }
      } else if (TERMINAL_EVENTS.has(type)) {
        terminal = { type, response: fields.response }
      } else if (type === 'response.created') {
        started = objectField(fields.response)
      }
      return true
    },
    end(outcome) {
      if (outcome.type === 'error') handle.fail(outcome.error, result())
      else if (terminal?.type === 'response.failed') {
        handle.fail(new ResponseFailedError(objectField(terminal.response)?.error), result())
      } else handle.succeed(result())
    },
  }
}
