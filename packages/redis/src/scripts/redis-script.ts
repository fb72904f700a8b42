import { createHash } from 'node:crypto'

/** One Lua script of the store: its source and the SHA1 that `EVALSHA` runs it by. */
export interface RedisScript {
  /** The operation it performs, e.g. `reserve`, `settle`, `read`. */
  readonly name: string
  /** The Lua source, sent with `EVAL` when the server does not know the SHA1 yet. */
  readonly source: string
  /** Lower-case hex SHA1 of `source`, as Redis computes it. */
  readonly sha1: string
}

/** A {@link RedisScript} with its SHA1 computed once. */
export function redisScript(name: string, source: string): RedisScript {
  return Object.freeze({ name, source, sha1: createHash('sha1').update(source).digest('hex') })
}
