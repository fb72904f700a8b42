/**
 * The parts of a Stainless-generated SDK (`openai` ≥ 5, `@anthropic-ai/sdk`) that provider adapters
 * build on. Both SDKs return an `APIPromise` from every resource method: a `Promise` subclass that
 * sends the request eagerly (`responsePromise`) and parses the body lazily (`parseResponse`, run once
 * by `then`/`withResponse`), with `_thenUnwrap(transform)` deriving a new `APIPromise` that shares
 * the request. Their helpers (`parse`, `stream`, `runTools`, `messages.stream`) are built on exactly
 * these members, so an adapter that keeps them keeps every helper working.
 */

/** What the SDK hands `parseResponse` (`APIResponseProps`): the raw response and the request it answered. */
export interface StainlessResponseProps {
  /** The raw HTTP response (its body not yet read). */
  response: Response
  /** The final request options; `stream` is true for server-sent-event responses. */
  options: { stream?: boolean | undefined }
  /** Aborts the request and its stream. */
  controller: AbortController
}

/** Parses a response; the first argument is the client (SDK ≥ 5). */
export type StainlessParse<T> = (client: unknown, props: StainlessResponseProps) => T | PromiseLike<T>

/** A Stainless `APIPromise` as adapters see it (runtime members, some `private` in the SDK's types). */
export interface StainlessAPIPromise<T> extends Promise<T> {
  /** Resolves with the response once the request (and its retries) succeeded; rejects with the SDK's error. */
  responsePromise: Promise<StainlessResponseProps>
  /** Turns the response into the data callers receive. */
  parseResponse: StainlessParse<T>
  /** A new `APIPromise` on the same request whose data is `transform(data)`. */
  _thenUnwrap<U>(transform: (data: T, props: StainlessResponseProps) => U): StainlessAPIPromise<U>
  /** The raw `Response`, body unread. */
  asResponse(): Promise<Response>
  /** The parsed data together with the raw `Response`. */
  withResponse(): Promise<{ data: T; response: Response; request_id: string | null }>
}

/** The SDK's `APIPromise` class (`new APIPromise(client, responsePromise, parseResponse)`). */
export type StainlessAPIPromiseClass = new (
  client: never,
  responsePromise: Promise<StainlessResponseProps>,
  parseResponse?: StainlessParse<never>,
) => StainlessAPIPromise<unknown>

/** True when `value` has the members of a Stainless `APIPromise` that the adapters rely on. */
export function isStainlessAPIPromise(value: unknown): value is StainlessAPIPromise<unknown> {
  if (typeof value !== 'object' || value === null) return false
  const candidate = value as Partial<StainlessAPIPromise<unknown>>
  return (
    typeof candidate._thenUnwrap === 'function' &&
    typeof candidate.asResponse === 'function' &&
    typeof candidate.parseResponse === 'function' &&
    candidate.responsePromise instanceof Promise
  )
}
