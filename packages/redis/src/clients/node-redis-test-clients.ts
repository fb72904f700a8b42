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

/** One supported node-redis major: `connect(port)` opens a client with the recommended options, `connectCluster` a cluster. */
export interface NodeRedisVersion {
  readonly name: string
  /** A client on `127.0.0.1:port` with `disableOfflineQueue: true`, opened and ready. */
  connect(port: number): Promise<NodeRedisTestClient>
  /** A client on `127.0.0.1:port` that was never opened. */
  unopened(port: number): NodeRedisScriptClient
  /** A `createCluster()` cluster discovered from `startupNodes`, with `disableOfflineQueue: true`, opened and ready. */
  connectCluster(startupNodes: readonly ClusterNode[]): Promise<NodeRedisTestClient>
}

/** Where a cluster node listens. */
export interface ClusterNode {
  readonly host: string
  readonly port: number
}

const rootNodes = (startupNodes: readonly ClusterNode[]) => startupNodes.map(({ host, port }) => ({ socket: { host, port } }))

const ignore = () => {} // reconnection errors are expected in fault tests

/** node-redis v4, v5 and v6, each from its own installed copy. */
export const nodeRedisVersions: readonly NodeRedisVersion[] = [
  {
    name: 'redis@4',
    async connect(port) {
      const client = createClientV4({ socket: { host: '127.0.0.1', port }, disableOfflineQueue: true }).on('error', ignore)
      await client.connect()
      return { client, close: () => client.disconnect() }
    },
    unopened: (port) => createClientV4({ socket: { host: '127.0.0.1', port } }),
    async connectCluster(startupNodes) {
      const cluster = createClusterV4({ rootNodes: rootNodes(startupNodes), defaults: { disableOfflineQueue: true } }).on('error', ignore)
      await cluster.connect()
      return { client: cluster, close: () => cluster.disconnect() }
    },
  },
  {
    name: 'redis@5',
    async connect(port) {
      const client = createClientV5({ socket: { host: '127.0.0.1', port }, disableOfflineQueue: true }).on('error', ignore)
      await client.connect()
      return { client, close: async () => client.destroy() }
    },
    unopened: (port) => createClientV5({ socket: { host: '127.0.0.1', port } }),
    async connectCluster(startupNodes) {
      const cluster = createClusterV5({ rootNodes: rootNodes(startupNodes), defaults: { disableOfflineQueue: true } }).on('error', ignore)
      await cluster.connect()
      return { client: cluster, close: async () => cluster.destroy() }
    },
  },
  {
    name: 'redis@6',
    async connect(port) {
      const client = createClientV6({ socket: { host: '127.0.0.1', port }, disableOfflineQueue: true }).on('error', ignore)
      await client.connect()
      return { client, close: async () => client.destroy() }
    },
    unopened: (port) => createClientV6({ socket: { host: '127.0.0.1', port } }),
    async connectCluster(startupNodes) {
      const cluster = createClusterV6({ rootNodes: rootNodes(startupNodes), defaults: { disableOfflineQueue: true } }).on('error', ignore)
      await cluster.connect()
      return { client: cluster, close: async () => cluster.destroy() }
    },
  },
]
