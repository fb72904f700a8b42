import { canonicalJSON, type CachedResponse, type CallHandle, type StreamObserver } from '@finops-ai/core'
import type { GenerateResult, LanguageModelCallOptions, StreamPart, StreamResult } from './ai-sdk-types.js'

/**
 * The response cache (`createFinOps({ cache })`) for AI SDK model calls. The engine keys a call by
 * its provider, `apiMethod` (the AI SDK provider id and `doGenerate` / `doStream`) and `params`; a
 * miss hands the result to the call's `responseCapture` as a JSON body, a hit is decoded back into
 * what `doGenerate` / `doStream` return. Results that are not plain JSON (a generated file's
 * bytes) are not stored. `Date`s (`response.timestamp`) are kept as ISO strings and revived.
 */

/** The `content-type` of an AI SDK result in the cache (not a provider body: never replayed through an HTTP SDK). */
const CONTENT_TYPE = 'application/vnd.finops-ai.ai-sdk+json'

/**
 * What the engine keys a call by: the model's id (`modelId`) and every call option but the abort
 * signal and per-call headers, which are not part of what is asked.
 */
export function cacheParams(modelId: string, params: LanguageModelCallOptions): Readonly<Record<string, unknown>> {
  return { ...(params as unknown as Record<string, unknown>), modelId, abortSignal: undefined, headers: undefined }
}

/** Stores a generated result for the call when it missed the cache (and the result is plain JSON). */
export function captureGenerated(handle: CallHandle, generated: GenerateResult): void {
  if (handle.responseCapture !== undefined) offer(handle, { kind: 'generate', result: generated })
}

/** The `doGenerate` result of a cache hit. @throws Error when the cached entry is not an AI SDK result. */
export function cachedGenerated(cached: CachedResponse): GenerateResult {
  const entry = decode(cached, 'generate')
  return reviveResponse(entry.result as Record<string, unknown>) as unknown as GenerateResult
}

/** The `doStream` result of a cache hit: its parts, replayed as a stream. @throws Error when the cached entry is not an AI SDK stream. */
export function cachedStream(cached: CachedResponse): StreamResult {
  const entry = decode(cached, 'stream')
  const parts = (entry.parts as Record<string, unknown>[]).map((part) => (part.type === 'response-metadata' ? reviveTimestamp(part) : part)) as StreamPart[]
  const stream = new ReadableStream<StreamPart>({
    start(controller) {
      for (const part of parts) controller.enqueue(part)
      controller.close()
    },
  })
  return { ...(entry.result as object), stream } as StreamResult
}

/**
 * Wraps the observer of a stream that missed the cache: the parts are kept as they pass, and
 * stored when the stream completes without an `error` part (a cancelled, aborted or failed
 * stream stores nothing).
 */
export function capturingStream(handle: CallHandle, streamed: StreamResult, observer: StreamObserver<StreamPart>): StreamObserver<StreamPart> {
  if (handle.responseCapture === undefined) return observer
  const parts: StreamPart[] = []
  let failed = false
  const result = { ...streamed, stream: undefined }
  return {
    first: () => observer.first(),
    item(part) {
      parts.push(part)
      if (part.type === 'error') failed = true
      return observer.item(part)
    },
    end(outcome) {
      if (outcome.type === 'complete' && !failed) offer(handle, { kind: 'stream', result, parts })
      observer.end(outcome)
    },
  }
}

/** Hands `entry` to the call's capture as a JSON response; nothing when it holds anything but JSON values. */
function offer(handle: CallHandle, entry: Record<string, unknown>): void {
  const body = canonicalJSON(withDatesAsText(entry))
  if (body === undefined) return
  handle.responseCapture?.watch(Promise.resolve({ response: new Response(body, { headers: { 'content-type': CONTENT_TYPE } }) }))
}

function decode(cached: CachedResponse, kind: 'generate' | 'stream'): Record<string, unknown> {
  let entry: unknown
  try {
    entry = cached.headers['content-type'] === CONTENT_TYPE ? JSON.parse(cached.body) : undefined
  } catch {
    entry = undefined
  }
  const record = entry as Record<string, unknown> | undefined
  const valid = record?.kind === kind && typeof record.result === 'object' && record.result !== null && (kind === 'generate' || Array.isArray(record.parts))
  if (!valid) throw new Error(`finops-ai: the response cache holds no AI SDK ${kind === 'generate' ? 'result' : 'stream'} under this call's key (stored ${cached.storedAt}); clear the cache entry or the cache store`)
  return record
}

/** A copy of `value` with every `Date` as its ISO string (other values as they are). */
function withDatesAsText(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString()
  if (Array.isArray(value)) return value.map(withDatesAsText)
  if (typeof value !== 'object' || value === null || Object.getPrototypeOf(value) !== Object.prototype) return value
  const copy: Record<string, unknown> = {}
  for (const [key, field] of Object.entries(value)) copy[key] = withDatesAsText(field)
  return copy
}

/** `result` with `response.timestamp` a `Date` again. */
function reviveResponse(result: Record<string, unknown>): Record<string, unknown> {
  const response = result.response as Record<string, unknown> | undefined
  return response === undefined ? result : { ...result, response: reviveTimestamp(response) }
}

function reviveTimestamp(fields: Record<string, unknown>): Record<string, unknown> {
  return typeof fields.timestamp === 'string' ? { ...fields, timestamp: new Date(fields.timestamp) } : fields
}
