import type { ClientConnection, ConnectionState, RedisServerNode } from './client-connection.js'

/** The parts of a node-redis (`redis` v4, v5, v6) client that readiness uses. */
interface NodeRedisClientLike {
  readonly isOpen: boolean
  readonly isReady: boolean
  readonly options?: { readonly url?: string; readonly socket?: { readonly host?: string; readonly port?: number } }
  once(event: 'ready', listener: () => void): unknown
  sendCommand(args: string[]): Promise<unknown>
}

/** A master of a node-redis cluster, as `cluster.masters` lists it. */
interface NodeRedisClusterNode {
  readonly address: string
}

/** The parts of a node-redis `createCluster()` cluster that readiness uses. */
interface NodeRedisClusterLike {
  readonly isOpen: boolean
  /** node-redis v6 only: `true` once the slots are discovered. */
  readonly isReady?: boolean
  /** Empty until the first discovery of the slots ends. */
  readonly masters: readonly NodeRedisClusterNode[]
  /** The client of a node: itself (v4, possibly still connecting) or a promise of it once connected (v5, v6). */
  nodeClient(node: NodeRedisClusterNode): NodeRedisClientLike | Promise<NodeRedisClientLike>
}

/** How often a node-redis cluster is checked while it discovers its slots (v4 emits no event when it ends). */
const discoveryCheckMs = 10

function isNodeRedisClient(client: object): client is NodeRedisClientLike {
  const candidate = client as Partial<NodeRedisClientLike>
  return typeof candidate.isOpen === 'boolean' && typeof candidate.isReady === 'boolean' && typeof candidate.once === 'function' && typeof candidate.sendCommand === 'function'
}

function isNodeRedisCluster(client: object): client is NodeRedisClusterLike {
  const candidate = client as Partial<NodeRedisClusterLike>
  return typeof candidate.isOpen === 'boolean' && Array.isArray(candidate.masters) && typeof candidate.nodeClient === 'function'
}

function whenReady(client: NodeRedisClientLike): Promise<void> {
  return client.isReady || !client.isOpen ? Promise.resolve() : new Promise((resolve) => client.once('ready', () => resolve()))
}

function serverNode(client: NodeRedisClientLike, address: string): RedisServerNode {
  return {
    address,
    scriptLoad: (source) => client.sendCommand(['SCRIPT', 'LOAD', source]),
    configGet: (parameter) => client.sendCommand(['CONFIG', 'GET', parameter]),
  }
}

/** `host:port` of a client, never its URL's credentials (the address goes into error messages). */
function addressOf(client: NodeRedisClientLike): string {
  const { url, socket } = client.options ?? {}
  return url === undefined ? `${socket?.host ?? 'localhost'}:${socket?.port ?? 6379}` : new URL(url).host
}

/**
 * The {@link ClientConnection} of a node-redis client from `createClient()` (`isOpen`/`isReady`,
 * its `ready` event) or cluster from `createCluster()` (discovering its slots until `isReady`, on
 * v4 and v5 until `masters` is filled, checked every 10 ms as v4 emits no event when discovery
 * ends; each master's client awaited until ready), or `undefined` for another client.
 */
export function nodeRedisConnection(client: object): ClientConnection | undefined {
  if (isNodeRedisCluster(client)) {
    const state = (): ConnectionState => (!client.isOpen ? 'down' : (client.isReady ?? client.masters.length > 0) ? 'ready' : 'connecting')
    return {
      state,
      whenConnected: () =>
        new Promise((resolve) => {
          const check = (): void => {
            if (state() === 'connecting') setTimeout(check, discoveryCheckMs).unref()
            else resolve()
          }
          check()
        }),
      masters: () =>
        Promise.all(
          client.masters.map(async (node) => {
            const nodeClient = await client.nodeClient(node)
            await whenReady(nodeClient)
            return serverNode(nodeClient, node.address)
          }),
        ),
    }
  }
  if (!isNodeRedisClient(client)) return undefined
  return {
    state: () => (client.isReady ? 'ready' : client.isOpen ? 'connecting' : 'down'),
    whenConnected: () => whenReady(client),
    masters: async () => [serverNode(client, addressOf(client))],
  }
}
