/**
 * A Redis client that `redisStore({ client })` accepts: an `ioredis` `Redis` or `Cluster`, a
 * node-redis (`redis` v4, v5, v6) client from `createClient()` or cluster from `createCluster()`,
 * or any object with {@link IoredisScriptClient}'s `evalsha` and `eval` (a few lines adapt any
 * other client library). Anything else is rejected by `redisStore()` with a `ConfigError`.
 */
export type RedisScriptClient = IoredisScriptClient | NodeRedisScriptClient

/**
 * The two commands the store needs, as `ioredis` names them. An `ioredis` `Redis` or `Cluster`
 * instance fits as is; any other client can be adapted in a few lines.
 */
export interface IoredisScriptClient {
  /** `EVALSHA sha1 numkeys key… arg…`; rejects with a `NOSCRIPT` error when the script is not cached. */
  evalsha(sha1: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>
  /** `EVAL script numkeys key… arg…` (also caches the script for later `EVALSHA`). */
  eval(script: string, numberOfKeys: number, ...keysAndArguments: string[]): Promise<unknown>
}

/** The keys and arguments of a script command, as node-redis takes them. */
export interface NodeRedisEvalOptions {
  /** The script's `KEYS`; a cluster client routes the command by the first one. */
  keys: string[]
  /** The script's `ARGV`. */
  arguments: string[]
}

/**
 * What the store uses of a node-redis (`redis` v4, v5, v6) client or cluster, as
 * `createClient()` and `createCluster()` return it. It must have been opened (`client.connect()`
 * called; await it before serving calls, as operations fail until the client is ready): node-redis
 * never connects on its own, so `redisStore()` rejects a client that is not open with a
 * `ConfigError` rather than fail every operation.
 */
export interface NodeRedisScriptClient {
  /** `EVALSHA`; rejects with a `NOSCRIPT` error reply when the script is not cached. */
  evalSha(sha1: string, options: NodeRedisEvalOptions): Promise<unknown>
  /** `EVAL` (also caches the script for later `EVALSHA`). */
  eval(script: string, options: NodeRedisEvalOptions): Promise<unknown>
  /** `true` once `connect()` was called and until the client is closed. */
  readonly isOpen: boolean
}
