export { redisServerSkipReason, startRedisServer } from './redis-server-process.js'
export type { RedisServerOptions, RedisServerProcess } from './redis-server-process.js'
export { startRedisCluster } from './redis-cluster-process.js'
export type { RedisClusterNode, RedisClusterOptions, RedisClusterProcess, RedisSlotMigration } from './redis-cluster-process.js'
