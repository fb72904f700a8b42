import { createHash } from 'node:crypto'

/** What identifies one request for the response cache. */
export interface ResponseCacheKeyParts {
  /** `gen_ai.provider.name`. */
  provider: string
  /** The SDK method (`chat.completions.create`, `messages.create`, ...). */
  apiMethod: string
  /** `host:port` of the provider endpoint, so that two servers never share responses. */
  server: string
  /** The request body as sent: model, messages, tools and every other parameter. */
  params: Readonly<Record<string, unknown>>
  /** The per-request options that can change the answer (headers, query); absent: none. */
  options?: Readonly<Record<string, unknown>>
  /** The isolating attribution: `[key, value]` pairs, sorted by key (`null` for an absent value). */
  scope: ReadonlyArray<readonly [string, string | null]>
}

/**
 * The SHA-256 (hex) of a canonical JSON of `parts` (object keys sorted at every depth): identical
 * requests in the same scope give the same key, any difference another one. `undefined` when the
 * parameters or options hold anything but JSON values (an uploaded file, a stream, a `Date`, a class
 * instance): such a request is not cached, since its content cannot be compared.
 */
export function responseCacheKey(parts: ResponseCacheKeyParts): string | undefined {
  const params = canonicalJSON(parts.params)
  const options = parts.options === undefined ? '' : canonicalJSON(parts.options)
  if (params === undefined || options === undefined) return undefined
  const head = JSON.stringify([parts.provider, parts.apiMethod, parts.server, parts.scope])
  return createHash('sha256').update(head).update('\n').update(params).update('\n').update(options).digest('hex')
}

/**
 * JSON of `value` with object keys sorted at every depth (equal values give equal text), or
 * `undefined` when it holds anything but JSON values: a `Date`, a typed array, a class instance,
 * a function, a non-finite number. Fields that are `undefined` are left out, as `JSON.stringify`
 * does. Adapters use it to store results in the response cache only when they round-trip.
 */
export function canonicalJSON(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value)
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : undefined
    case 'object':
      if (value === null) return 'null'
      return Array.isArray(value) ? canonicalArray(value) : canonicalObject(value)
    default:
      return undefined
  }
}

function canonicalArray(values: readonly unknown[]): string | undefined {
  const items: string[] = []
  for (const item of values) {
    const json = item === undefined ? 'null' : canonicalJSON(item)
    if (json === undefined) return undefined
    items.push(json)
  }
  return `[${items.join(',')}]`
}

function canonicalObject(value: object): string | undefined {
  const prototype = Object.getPrototypeOf(value) as unknown
  if (prototype !== Object.prototype && prototype !== null) return undefined
  const record = value as Record<string, unknown>
  const fields: string[] = []
  for (const key of Object.keys(record).sort()) {
    const field = record[key]
    // `JSON.stringify` drops undefined fields: the SDK sends none of them.
    if (field === undefined) continue
    const json = canonicalJSON(field)
    if (json === undefined) return undefined
    fields.push(`${JSON.stringify(key)}:${json}`)
  }
  return `{${fields.join(',')}}`
}
