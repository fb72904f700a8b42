import { ConfigError } from '@finops-ai/core'
import { diag } from '@opentelemetry/api'
import type { ClientConnection, RedisServerNode } from './clients/client-connection.js'
import { ioredisConnection } from './clients/ioredis-connection.js'
import { nodeRedisConnection } from './clients/node-redis-connection.js'
import { evictionPolicyError, evictionPolicyOf, type ServerEvictionPolicy } from './eviction-policy.js'
import type { RedisScript } from './scripts/redis-script.js'

/** Whether a client can serve commands now, and a promise of the moment it can. */
export interface ClientReadiness {
  /**
   * `false` while commands should wait: the client is connecting (first connection, a
   * reconnection, a cluster discovering its slots), or it is connected and was never prepared, or
   * the store was refused (then {@link ready} rejects at once). A client that is closed (or lazy,
   * not connecting yet) is not waited for: its commands fail, or connect it, at once.
   */
  isReady(): boolean
  /**
   * Resolves when commands can be sent: once a connecting client is connected (ioredis
   * `status === 'ready'`, node-redis `isReady`, a node-redis cluster's slots discovered) and, the
   * first time, every master is prepared: the scripts loaded (`SCRIPT LOAD`) and its
   * `maxmemory-policy` checked. Rejects when preparing fails (the next call tries again), and for
   * good with a `ConfigError` at `redisStore.client` when a master's `maxmemory-policy` is not
   * `noeviction`.
   */
  ready(): Promise<void>
}

const alwaysReady: ClientReadiness = { isReady: () => true, ready: () => Promise.resolve() }

/**
 * The readiness of `client` for the store's `scripts`: ioredis `Redis` and `Cluster`, node-redis
 * clients and clusters (v4, v5, v6). A client of unknown shape (a user's adapter) is taken as
 * always ready, unprepared (it loads the scripts with `EVAL` on the first `NOSCRIPT`).
 *
 * Preparing reads `CONFIG GET maxmemory-policy` on every master: anything but `noeviction` refuses
 * the store (see {@link evictionPolicyError}; logged once with `diag.error`); when `CONFIG` is
 * renamed, disabled or not permitted, one `diag.warn` says the policy is unchecked and the store goes on.
 */
export function clientReadiness(client: unknown, scripts: readonly RedisScript[]): ClientReadiness {
  const connection = typeof client === 'object' && client !== null ? (ioredisConnection(client) ?? nodeRedisConnection(client)) : undefined
  if (connection === undefined) return alwaysReady
  let warnedUnchecked = false
  const policyOf = async (node: RedisServerNode): Promise<ServerEvictionPolicy> => ({ address: node.address, policy: await evictionPolicyOf(node) })
  const prepare = async (): Promise<void> => {
    const masters = await connection.masters()
    const [policies] = await Promise.all([Promise.all(masters.map(policyOf)), Promise.all(masters.flatMap((node) => scripts.map((script) => node.scriptLoad(script.source))))])
    const unchecked = policies.find(({ policy }) => policy === undefined)
    if (unchecked !== undefined && !warnedUnchecked) {
      warnedUnchecked = true
      diag.warn(`finops-ai redis store: could not read maxmemory-policy on ${unchecked.address} (CONFIG is disabled or not permitted); make sure it is 'noeviction', or Redis may evict budgets and reservations`)
    }
    const refusal = evictionPolicyError(policies)
    if (refusal !== undefined) throw refusal
  }
  return readinessOf(connection, prepare)
}

/** Waits for `connection`, then runs `prepare` once (again after a failure; never again after a `ConfigError`). */
function readinessOf(connection: ClientConnection, prepare: () => Promise<void>): ClientReadiness {
  // One wait however many operations wait: they share the promise.
  let connecting: Promise<void> | undefined
  const connected = (): Promise<void> => {
    if (connection.state() !== 'connecting') return Promise.resolve()
    connecting ??= connection.whenConnected().then(() => {
      connecting = undefined
    })
    return connecting
  }
  let preparing: Promise<void> | undefined
  let prepared = false
  let refused: ConfigError | undefined
  const ready = async (): Promise<void> => {
    if (refused !== undefined) throw refused
    await connected()
    if (prepared || connection.state() !== 'ready') return
    preparing ??= prepare().then(
      () => {
        prepared = true
      },
      (error: unknown) => {
        preparing = undefined
        if (ConfigError.isInstance(error)) {
          refused = error
          diag.error(`finops-ai redis store refused: ${error.message}`)
        }
        throw error
      },
    )
    await preparing
    await connected()
  }
  return {
    isReady: () => {
      if (refused !== undefined) return false
      const now = connection.state()
      return now === 'down' || (now === 'ready' && prepared)
    },
    ready,
  }
}
