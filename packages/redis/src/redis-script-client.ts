/**
 * The two commands the store needs from a Redis client. An `ioredis` `Redis` or `Cluster`
 * instance fits as is; any other client can be adapted in a few lines.
 */
export interface RedisScriptClient {
  /** `EVALSHA sha1 numkeys key… arg…`; rejects with a `NOSCRIPT` error when the script is not cached. */
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>
  /** `EVAL script numkeys key… arg…` (also caches the script for later `EVALSHA`). */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>
}
