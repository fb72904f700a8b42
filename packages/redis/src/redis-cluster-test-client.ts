// Test support (not exported from the package): ioredis Cluster clients configured as docs/stores.md advises.
import { Cluster, type ClusterOptions } from 'ioredis'
import type { RedisClusterNode } from './testing/redis-cluster-process.js'

/** The options docs/stores.md recommends for an ioredis `Cluster`. */
export const recommendedClusterOptions: ClusterOptions = {
  enableOfflineQueue: false,
  redisOptions: { maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false },
}

/** An ioredis `Cluster` on `startupNodes` with the recommended options (and `options`), still connecting. */
export function clusterClient(startupNodes: readonly RedisClusterNode[], options: ClusterOptions = {}): Cluster {
  const client = new Cluster([...startupNodes], { ...recommendedClusterOptions, ...options })
  client.on('error', () => {}) // node errors during failover are expected; the store reports them
  return client
}

/** {@link clusterClient}, once it is ready (connected, slots known). */
export async function connectClusterClient(startupNodes: readonly RedisClusterNode[], options: ClusterOptions = {}): Promise<Cluster> {
  const client = clusterClient(startupNodes, options)
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve))
  return client
}
