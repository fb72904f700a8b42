// Test support (not exported from the package): an ioredis client configured as the README advises.
import { Redis, type RedisOptions } from 'ioredis'

/** Connects to a local `redis-server` with the recommended options and waits until it is ready. */
export async function connectTestClient(port: number, options: RedisOptions = {}): Promise<Redis> {
  const client = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false, ...options })
  client.on('error', () => {}) // reconnection errors are expected in fault tests
  if (client.status !== 'ready') await new Promise((resolve) => client.once('ready', resolve))
  return client
}

/** `calls` of each command in `INFO commandstats`, e.g. `{ evalsha: 3, eval: 1 }`. */
export async function commandCalls(client: Redis): Promise<Record<string, number>> {
  const info = await client.info('commandstats')
  const calls: Record<string, number> = {}
  for (const match of info.matchAll(/^cmdstat_([^:]+):calls=(\d+)/gm)) calls[match[1]!] = Number(match[2])
  return calls
}
