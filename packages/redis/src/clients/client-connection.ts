/** Where a client is on its way to serving commands. */
export type ConnectionState =
  /** Commands can be sent. */
  | 'ready'
  /** Connecting (first connection, reconnection, or a cluster discovering its slots): commands should wait. */
  | 'connecting'
  /** Closed, or lazy and not connecting yet: commands fail (or connect it) at once, so nothing waits. */
  | 'down'

/** One Redis server the store prepares before its first command: every master of a cluster, or the single server. */
export interface RedisServerNode {
  /** `host:port`, for messages. */
  readonly address: string
  /** `SCRIPT LOAD source`. */
  scriptLoad(source: string): Promise<unknown>
  /** `CONFIG GET parameter`, the reply as the client returns it (a `[name, value]` list or an object). */
  configGet(parameter: string): Promise<unknown>
}

/**
 * How readiness sees one client library's connection (internal): ioredis `Redis` and `Cluster`,
 * node-redis clients and clusters each have one, recognised by shape.
 */
export interface ClientConnection {
  /** Where the client is now; read on every operation, so it reads fields and allocates nothing. */
  state(): ConnectionState
  /** Resolves when the client may have become ready. Called only while `state()` is `'connecting'`. */
  whenConnected(): Promise<void>
  /** The servers to prepare (every master); called when `state()` is `'ready'`. Waits for a master still connecting. */
  masters(): Promise<readonly RedisServerNode[]>
}
