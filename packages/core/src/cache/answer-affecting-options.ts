/**
 * What of an SDK call's per-request options (its second argument) can change the provider's
 * answer, for the response cache key: `headers` (names lower-cased; an object, a `Headers`
 * instance or `[name, value]` pairs — e.g. `anthropic-beta`, `openai-beta`; not the SDK's own
 * `x-stainless-*` headers, such as the one its `stream()` helpers add) and `query`.
 * `undefined` when the options carry neither. Timeouts, retries, abort signals and the like are
 * left out: they do not change the answer. Values stay as given, so one that is not plain JSON
 * makes the call uncacheable rather than keyed without it. Read by the response cache when it
 * looks a call up (`CallRequest.requestOptions`), never on calls that did not opt in.
 */
export function answerAffectingOptions(options: unknown): Readonly<Record<string, unknown>> | undefined {
  if (typeof options !== 'object' || options === null) return undefined
  const { headers, query } = options as { headers?: unknown; query?: unknown }
  const named = headers === undefined || headers === null ? undefined : lowerCasedHeaders(headers)
  const hasHeaders = named !== undefined && (typeof named !== 'object' || named === null || Object.keys(named).length > 0)
  if (!hasHeaders && query === undefined) return undefined
  return { ...(hasHeaders ? { headers: named } : {}), ...(query === undefined ? {} : { query }) }
}

/** `headers` as an object keyed by lower-cased names; a shape it cannot read is returned as is (keyed as given, or not cached when it is not JSON). */
function lowerCasedHeaders(headers: unknown): unknown {
  const entries: Iterable<unknown> | undefined =
    headers instanceof Headers ? headers.entries() : Array.isArray(headers) ? headers : typeof headers === 'object' ? Object.entries(headers as object) : undefined
  if (entries === undefined) return headers
  const named: Record<string, unknown> = {}
  for (const entry of entries) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string') return headers
    const name = entry[0].toLowerCase()
    if (entry[1] !== undefined && !name.startsWith('x-stainless-')) named[name] = entry[1]
  }
  return named
}
