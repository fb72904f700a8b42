/**
 * How the store runs its Lua scripts, whatever the Redis client library: `EVALSHA` and `EVAL`
 * with the keys and the arguments as the arrays the commands are built in, so no adapter has to
 * split a flat argument list. {@link scriptClientOf} adapts each supported client to it once, at
 * `redisStore()`; the hot path then makes one call through it per operation.
 */
export interface ScriptClient {
  /** `EVALSHA sha1 numkeys key… arg…`; rejects with a `NOSCRIPT` error reply when the script is not cached. */
  evalSha(sha1: string, keys: string[], args: string[]): Promise<unknown>
  /** `EVAL script numkeys key… arg…` (also caches the script for later `EVALSHA`). */
  eval(source: string, keys: string[], args: string[]): Promise<unknown>
}
