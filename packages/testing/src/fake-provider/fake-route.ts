import type { ServerSentEvent } from './server-sent-events.js'
import type { UsageOverrides } from './fake-usage.js'

/** A parsed JSON request body (an object; anything else arrives as `{}`). */
export type JsonObject = Record<string, unknown>

/** What a route needs besides the request body: knobs and deterministic ids. */
export interface RouteContext {
  body: JsonObject
  usage: UsageOverrides
  replyWords: number
  /** `prefix` + a per-provider counter, e.g. `chatcmpl-fake-3`. */
  nextId: (prefix: string) => string
  /** The id sent in the `x-request-id` / `request-id` headers. */
  requestId: string
  /** Unix seconds for `created` fields. */
  now: number
}

/** A route's decision: a JSON body with a status, a list of server-sent events, or raw bytes (audio, plain text). */
export type RouteResult =
  | { type: 'json'; status: number; body: unknown }
  | { type: 'events'; events: ServerSentEvent[] }
  | { type: 'bytes'; status: number; contentType: string; body: Buffer | string }

/** A pure function from request to response; the server applies latency, failures and cuts. */
export type Route = (context: RouteContext) => RouteResult

/** A field as an object, or `undefined`. */
export const objectField = (value: unknown): JsonObject | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as JsonObject) : undefined

/** A field as an array, or `[]`. */
export const arrayField = (value: unknown): unknown[] => (Array.isArray(value) ? value : [])
