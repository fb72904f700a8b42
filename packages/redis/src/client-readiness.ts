import type { RedisScript } from './scripts/redis-script.js'

/** The parts of an `ioredis` `Redis` or `Cluster` that readiness uses. */
interface IoredisLike {
  readonly status: string
  once(event: 'ready', listener: () => void): unknown
  /** ioredis `Redis`: `SCRIPT LOAD source`. */
  script?(subcommand: 'LOAD', source: string): Promise<unknown>
  /** ioredis `Cluster`: its connections to the masters. */
  nodes?(role: 'master'): { script(subcommand: 'LOAD', source: string): Promise<unknown> }[]
}

/** The parts of a node-redis client or cluster that readiness uses. */
interface NodeRedisLike {
  readonly isOpen: boolean
  readonly isReady: boolean
  once(event: 'ready', listener: () => void): unknown
}

/** Whether a client can serve commands now, and a promise of the moment it can. */
export interface ClientReadiness {
  /**
   * `false` while commands should wait: the client is connecting (first connection or a
   * reconnection), or it is connected and the scripts were never loaded. A client that is closed
   * (or lazy, not connecting yet) is not waited for: its commands fail, or connect it, at once.
   */
  isReady(): boolean
  /**
   * Resolves when commands can be sent: once a connecting client is connected (ioredis
   * `status === 'ready'`, node-redis `isReady`) and, the first time, every script is loaded
   * (`SCRIPT LOAD` on every master of an ioredis `Cluster`). Rejects when loading fails; the next
   * call tries again.
   */
  ready(): Promise<void>
}

/** ioredis statuses on the way to `ready` (`Redis` and `Cluster` alike). */
const connectingStatuses = new Set(['connecting', 'connect', 'reconnecting'])

function isIoredis(client: object): client is IoredisLike {
  return typeof (client as Partial<IoredisLike>).status === 'string' && typeof (client as Partial<IoredisLike>).once === 'function'
}

function isNodeRedis(client: object): client is NodeRedisLike {
  return typeof (client as Partial<NodeRedisLike>).isReady === 'boolean' && typeof (client as Partial<NodeRedisLike>).isOpen === 'boolean' && typeof (client as Partial<NodeRedisLike>).once === 'function'
}

/**
 * The readiness of `client` for the store's `scripts`. A client of unknown shape (a user's
 * adapter) is taken as always ready. Scripts are loaded only on an ioredis client (node-redis and
 * adapters load them with `EVAL` on the first `NOSCRIPT`, as every client does after a failover).
 */
export function clientReadiness(client: unknown, scripts: readonly RedisScript[]): ClientReadiness {
  if (typeof client !== 'object' || client === null) return { isReady: () => true, ready: () => Promise.resolve() }
  let state: () => 'ready' | 'connecting' | 'down'
  let load: () => Promise<unknown> = () => Promise.resolve()
  if (isIoredis(client)) {
    state = () => (client.status === 'ready' ? 'ready' : connectingStatuses.has(client.status) ? 'connecting' : 'down')
    const { nodes, script } = client
    if (typeof nodes === 'function') load = () => Promise.all(nodes.call(client, 'master').flatMap((node) => scripts.map((each) => node.script('LOAD', each.source))))
    else if (typeof script === 'function') load = () => Promise.all(scripts.map((each) => script.call(client, 'LOAD', each.source)))
  } else if (isNodeRedis(client)) {
    state = () => (client.isReady ? 'ready' : client.isOpen ? 'connecting' : 'down')
  } else {
    return { isReady: () => true, ready: () => Promise.resolve() }
  }
  // One `ready` listener however many operations wait: they share the promise.
  let connecting: Promise<void> | undefined
  const readyEvent = (): Promise<void> => {
    if (state() !== 'connecting') return Promise.resolve()
    connecting ??= new Promise((resolve) =>
      client.once('ready', () => {
        connecting = undefined
        resolve()
      }),
    )
    return connecting
  }
  let loaded: Promise<unknown> | undefined
  let scriptsLoaded = false
  const ready = async (): Promise<void> => {
    await readyEvent()
    if (scriptsLoaded || state() !== 'ready') return
    loaded ??= load().then(
      () => {
        scriptsLoaded = true
      },
      (error: unknown) => {
        loaded = undefined
        throw error
      },
    )
    await loaded
    await readyEvent()
  }
  return {
    isReady: () => {
      const now = state()
      return now === 'down' || (now === 'ready' && scriptsLoaded)
    },
    ready,
  }
}
