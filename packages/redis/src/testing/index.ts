export { redisServerSkipReason, startRedisServer } from './redis-server-process.js'
export type { RedisServerProcess } from './redis-server-process.js'
export { startRedisCluster } from './redis-cluster-process.js'
export type { RedisClusterNode, RedisClusterOptions, RedisClusterProcess } from './redis-cluster-process.js'
