/**
 * Runs `measure({ client, admin })` against a throwaway `redis-server` on a free loopback port
 * (`@finops-ai/redis/testing`): `client` with auto-pipelining for the measured calls, `admin` for
 * `INFO` and `SCAN`. Both connect as the Redis store's README advises. Without a `redis-server`
 * binary the scenario is skipped, with the reason.
 */
export async function withRedisServer(measure) {
  const { redisServerSkipReason, startRedisServer } = await import('@finops-ai/redis/testing')
  const { Redis } = await import('ioredis')
  let missing
  try {
    missing = redisServerSkipReason()
  } catch (error) {
    missing = error instanceof Error ? error.message : String(error)
  }
  if (missing !== undefined) return { skipped: `${missing}; install Debian's redis-server or set REDIS_SERVER_BIN` }
  const server = await startRedisServer()
  const connect = async (options) => {
    const client = new Redis({ host: '127.0.0.1', port: server.port, maxRetriesPerRequest: 0, enableOfflineQueue: false, ...options })
    await new Promise((resolve, reject) => {
      client.once('ready', resolve)
      client.once('error', reject)
    })
    return client
  }
  const client = await connect({ enableAutoPipelining: true })
  const admin = await connect({})
  try {
    return await measure({ client, admin })
  } finally {
    client.disconnect()
    admin.disconnect()
    await server.stop()
  }
}
