/** Class names of Redis error replies: ioredis's `ReplyError`, node-redis's `ErrorReply` (v4–v6). */
const replyClasses = new Set(['ReplyError', 'ErrorReply'])

/**
 * Whether `error` is Redis's error reply (a script error, `NOSCRIPT`, `LOADING`, `BUSY`, `OOM`,
 * `TRYAGAIN`, …) rather than a failure to reach Redis, for ioredis and node-redis alike. ioredis
 * names its errors `ReplyError`; node-redis leaves `name` as `'Error'`, so its `ErrorReply`
 * (and the `SimpleError`/`BlobError` subclasses of v5 and v6) are recognised by the class chain.
 * Only runs on a failed operation.
 */
export function isReplyError(error: unknown): boolean {
  if (!(error instanceof Error)) return false
  if (replyClasses.has(error.name)) return true
  for (let prototype: unknown = Object.getPrototypeOf(error); prototype !== null && prototype !== Error.prototype; prototype = Object.getPrototypeOf(prototype)) {
    const constructor = (prototype as { constructor?: { name?: unknown } }).constructor
    if (typeof constructor?.name === 'string' && replyClasses.has(constructor.name)) return true
  }
  return false
}
