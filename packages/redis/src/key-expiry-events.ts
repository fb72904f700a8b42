// Test support (not exported from the package): waits for Redis to expire a key, by its keyspace
// event, rather than for a fixed time.
import type { Redis } from 'ioredis'
import { connectTestClient } from './redis-test-client.js'

/** Expiry events of one redis-server, from {@link watchKeyExpiry}. */
export interface KeyExpiryEvents {
  /** Resolves once Redis has expired `key` (also when that happened since the watch started). */
  expired(key: string): Promise<void>
  /** Stops watching and switches the server's keyspace events off again. */
  close(): Promise<void>
}

/** Switches on expiry events (`notify-keyspace-events Ex`) on the server of `admin` and subscribes to them. */
export async function watchKeyExpiry(admin: Redis, port: number): Promise<KeyExpiryEvents> {
  await admin.config('SET', 'notify-keyspace-events', 'Ex')
  const subscriber = await connectTestClient(port)
  const seen = new Set<string>()
  const waiting = new Map<string, () => void>()
  subscriber.on('message', (_channel: string, key: string) => {
    seen.add(key)
    waiting.get(key)?.()
  })
  await subscriber.subscribe('__keyevent@0__:expired')
  return {
    expired: (key) => (seen.has(key) ? Promise.resolve() : new Promise((resolve) => waiting.set(key, resolve))),
    close: async () => {
      subscriber.disconnect()
      await admin.config('SET', 'notify-keyspace-events', '')
    },
  }
}
