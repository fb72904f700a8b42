import type { ClientConnection, RedisServerNode } from './client-connection.js'

/** The parts of an ioredis `Redis` (or one master of a `Cluster`) that readiness uses. */
interface IoredisNode {
  readonly options?: { readonly host?: string; readonly port?: number }
  script(subcommand: 'LOAD', source: string): Promise<unknown>
  config(subcommand: 'GET', parameter: string): Promise<unknown>
}

/** The parts of an ioredis `Redis` or `Cluster` that readiness uses. */
interface IoredisLike {
  readonly status: string
  once(event: 'ready', listener: () => void): unknown
  /** ioredis `Cluster`: its connections to the masters. */
  nodes?(role: 'master'): IoredisNode[]
}

/** ioredis statuses on the way to `ready` (`Redis` and `Cluster` alike). */
const connectingStatuses = new Set(['connecting', 'connect', 'reconnecting'])

function isIoredis(client: object): client is IoredisLike & Partial<IoredisNode> {
  const candidate = client as Partial<IoredisLike & IoredisNode>
  if (typeof candidate.status !== 'string' || typeof candidate.once !== 'function') return false
  return typeof candidate.nodes === 'function' || (typeof candidate.script === 'function' && typeof candidate.config === 'function')
}

function serverNode(node: IoredisNode): RedisServerNode {
  return {
    address: `${node.options?.host ?? 'localhost'}:${node.options?.port ?? 6379}`,
    scriptLoad: (source) => node.script('LOAD', source),
    configGet: (parameter) => node.config('GET', parameter),
  }
}

/**
 * The {@link ClientConnection} of an ioredis `Redis` or `Cluster` (`status` on the way to
 * `'ready'`, its `ready` event; a `Cluster`'s masters from `nodes('master')`), or `undefined` for
 * another client.
 */
export function ioredisConnection(client: object): ClientConnection | undefined {
  if (!isIoredis(client)) return undefined
  return {
    state: () => (client.status === 'ready' ? 'ready' : connectingStatuses.has(client.status) ? 'connecting' : 'down'),
    whenConnected: () => new Promise((resolve) => client.once('ready', () => resolve())),
    masters: async () => (typeof client.nodes === 'function' ? client.nodes('master') : [client as IoredisNode]).map(serverNode),
  }
}
