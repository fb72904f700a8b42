// Test support (not exported from the package): node-redis clients of every supported major.
import { createClient as createClientV6, createCluster as createClusterV6 } from 'redis'
import { createClient as createClientV4, createCluster as createClusterV4 } from 'redis-v4'
import { createClient as createClientV5, createCluster as createClusterV5 } from 'redis-v5'
import type { NodeRedisScriptClient } from '../redis-script-client.js'

/** A connected node-redis client and how to close it. */
export interface NodeRedisTestClient {
  readonly client: NodeRedisScriptClient
  /** Closes the connection at once (pending commands are rejected). */
  close(): Promise<void>
}

/** A node-redis client whose `connect()` was called and not awaited yet. */
export interface ConnectingNodeRedisTestClient extends NodeRedisTestClient {
  /** The promise `connect()` returned: resolves once the client (a cluster: its slots and masters) is ready. */
  readonly connected: Promise<unknown>
}

/** One supported node-redis major: `connect(port)` opens a client with the recommended options, `connectCluster` a cluster. */
export interface NodeRedisVersion {
  readonly name: string
  /** A client on `127.0.0.1:port` with `disableOfflineQueue: true`, opened and ready. */
  connect(port: number): Promise<NodeRedisTestClient>
  /** A client on `127.0.0.1:port` that was never opened. */
  unopened(port: number): NodeRedisScriptClient
  /** A `createCluster()` cluster discovered from `startupNodes`, with `disableOfflineQueue: true`, opened and ready. */
  connectCluster(startupNodes: readonly ClusterNode[]): Promise<NodeRedisTestClient>
  /** `connect(port)`'s client, returned as soon as `connect()` was called. */
  connecting(port: number): ConnectingNodeRedisTestClient
  /** `connectCluster(startupNodes)`'s cluster, returned as soon as `connect()` was called (still discovering its slots). */
  connectingCluster(startupNodes: readonly ClusterNode[]): ConnectingNodeRedisTestClient
}

/** Where a cluster node listens. */
export interface ClusterNode {
  readonly host: string
  readonly port: number
}

const rootNodes = (startupNodes: readonly ClusterNode[]) => startupNodes.map(({ host, port }) => ({ socket: { host, port } }))

const ignore = () => {} // reconnection errors are expected in fault tests

/** The connecting clients of one major; {@link awaited} adds the connected ones. */
type ConnectingClients = Omit<NodeRedisVersion, 'connect' | 'connectCluster'>

function awaited(version: ConnectingClients): NodeRedisVersion {
  return {
    ...version,
    async connect(port) {
      const connecting = version.connecting(port)
      await connecting.connected
      return connecting
    },
    async connectCluster(startupNodes) {
      const connecting = version.connectingCluster(startupNodes)
      await connecting.connected
      return connecting
    },
  }
}

const majors: readonly ConnectingClients[] = [
  {
    name: 'redis@4',
    unopened: (port) => createClientV4({ socket: { host: '127.0.0.1', port } }),
    connecting(port) {
      const client = createClientV4({ socket: { host: '127.0.0.1', port }, disableOfflineQueue: true }).on('error', ignore)
      return { client, connected: client.connect(), close: () => client.disconnect() }
    },
    connectingCluster(startupNodes) {
      const cluster = createClusterV4({ rootNodes: rootNodes(startupNodes), defaults: { disableOfflineQueue: true } }).on('error', ignore)
      return { client: cluster, connected: cluster.connect(), close: () => cluster.disconnect() }
    },
  },
  {
    name: 'redis@5',
    unopened: (port) => createClientV5({ socket: { host: '127.0.0.1', port } }),
    connecting(port) {
      const client = createClientV5({ socket: { host: '127.0.0.1', port }, disableOfflineQueue: true }).on('error', ignore)
      return { client, connected: client.connect(), close: async () => client.destroy() }
    },
    connectingCluster(startupNodes) {
      const cluster = createClusterV5({ rootNodes: rootNodes(startupNodes), defaults: { disableOfflineQueue: true } }).on('error', ignore)
      return { client: cluster, connected: cluster.connect(), close: async () => cluster.destroy() }
    },
  },
  {
    name: 'redis@6',
    unopened: (port) => createClientV6({ socket: { host: '127.0.0.1', port } }),
    connecting(port) {
      const client = createClientV6({ socket: { host: '127.0.0.1', port }, disableOfflineQueue: true }).on('error', ignore)
      return { client, connected: client.connect(), close: async () => client.destroy() }
    },
    connectingCluster(startupNodes) {
      const cluster = createClusterV6({ rootNodes: rootNodes(startupNodes), defaults: { disableOfflineQueue: true } }).on('error', ignore)
      return { client: cluster, connected: cluster.connect(), close: async () => cluster.destroy() }
    },
  },
]

/** node-redis v4, v5 and v6, each from its own installed copy. */
export const nodeRedisVersions: readonly NodeRedisVersion[] = majors.map(awaited)
