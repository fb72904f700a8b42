import { ConfigError } from '@finops-ai/core'
import type { RedisServerNode } from './clients/client-connection.js'
import { isReplyError } from './clients/reply-error.js'

/** The only `maxmemory-policy` under which Redis never drops the store's keys. */
const requiredEvictionPolicy = 'noeviction'

/** The value of `parameter` in a `CONFIG GET` reply: a `[name, value, …]` list (RESP2: ioredis, node-redis v4, v5) or an object (node-redis v6). */
function configValue(reply: unknown, parameter: string): string | undefined {
  if (Array.isArray(reply)) {
    const at = reply.indexOf(parameter)
    return at >= 0 && at % 2 === 0 ? String(reply[at + 1]) : undefined
  }
  if (typeof reply === 'object' && reply !== null && parameter in reply) return String((reply as Record<string, unknown>)[parameter])
  return undefined
}

/**
 * The `maxmemory-policy` of `node`, or `undefined` when it cannot be read: `CONFIG` is renamed or
 * disabled (managed Redis services do this) or not permitted to the client's ACL user (an error
 * reply). Any other failure (a lost connection) rejects.
 */
export async function evictionPolicyOf(node: RedisServerNode): Promise<string | undefined> {
  try {
    return configValue(await node.configGet('maxmemory-policy'), 'maxmemory-policy')
  } catch (error) {
    if (isReplyError(error)) return undefined
    throw error
  }
}

/** The `maxmemory-policy` of one server; `undefined` when it could not be read. */
export interface ServerEvictionPolicy {
  readonly address: string
  readonly policy: string | undefined
}

/**
 * The `ConfigError` refusing servers whose `maxmemory-policy` is not `noeviction` (path
 * `redisStore.client`, one issue per server), or `undefined` when every policy read is `noeviction`.
 * Any other policy lets Redis drop the store's keys when memory runs short (every key of the
 * store has a TTL, so `volatile-*` policies drop them too): a budget forgets its spend, a lease
 * set its reservations (their money stays reserved until the period ends).
 */
export function evictionPolicyError(policies: readonly ServerEvictionPolicy[]): ConfigError | undefined {
  const wrong = policies.filter(({ policy }) => policy !== undefined && policy !== requiredEvictionPolicy)
  if (wrong.length === 0) return undefined
  return new ConfigError(
    wrong.map(({ address, policy }) => ({
      path: 'redisStore.client',
      detail:
        `Redis at ${address} has maxmemory-policy '${policy}', which lets it evict the store's keys (budgets forget their spend, ` +
        `reservations stay reserved until the period ends): set maxmemory-policy to '${requiredEvictionPolicy}' ` +
        `(redis.conf, CONFIG SET maxmemory-policy ${requiredEvictionPolicy}, or your managed Redis's parameter group), then restart this process`,
    })),
  )
}
