export { redisServerSkipReason, startRedisServer } from './redis-server-process.js'
export type { RedisServerProcess } from './redis-server-process.js'
