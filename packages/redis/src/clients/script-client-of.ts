import { ConfigError } from '@finops-ai/core'
import type { IoredisScriptClient, NodeRedisScriptClient, RedisScriptClient } from '../redis-script-client.js'
import { ioredisScriptClient } from './ioredis-script-client.js'
import { isNodeRedisCluster, nodeRedisClusterScriptClient } from './node-redis-cluster-script-client.js'
import { nodeRedisScriptClient } from './node-redis-script-client.js'
import type { ScriptClient } from './script-client.js'

const supported =
  'expected an ioredis Redis or Cluster, a node-redis (redis v4–v6) client from createClient() or cluster from createCluster(), or an object with ioredis-style evalsha(sha1, numkeys, ...keysAndArguments) and eval methods'

function isFunction(value: unknown): boolean {
  return typeof value === 'function'
}

function shapeOf(client: unknown): string {
  if (client === null || typeof client !== 'object') return String(client)
  return `an object (${client.constructor?.name ?? 'no constructor'}) without those methods`
}

/**
 * The {@link ScriptClient} that runs the package's scripts on `client`, recognised by its shape
 * once, when `owner` (`redisStore` or `redisResponseCache`) is called: node-redis's `evalSha` +
 * `eval` (a `createClient()` client or a `createCluster()` cluster of `redis` v4, v5 or v6), or
 * ioredis's `evalsha` + `eval` (a `Redis`, a `Cluster`, or a user's adapter of another library).
 *
 * @throws ConfigError at path `<owner>.client` for anything else, naming the supported clients;
 * and for a node-redis client that is not open (`connect()` never called, or closed): node-redis
 * does not connect by itself, so every operation would fail. A client still connecting is
 * accepted (`redisStore`'s operations wait for it within their `timeoutMs`, see `clientReadiness`).
 */
export function scriptClientOf(client: RedisScriptClient, owner: 'redisStore' | 'redisResponseCache'): ScriptClient {
  const path = `${owner}.client`
  const candidate: Partial<Record<'evalSha' | 'evalsha' | 'eval' | 'isOpen', unknown>> = typeof client === 'object' && client !== null ? client : {}
  if (isFunction(candidate.evalSha) && isFunction(candidate.eval)) {
    if (candidate.isOpen !== true) {
      throw new ConfigError({
        path,
        detail: `the node-redis client is not open: call client.connect() before ${owner}() (node-redis never connects by itself)`,
      })
    }
    return isNodeRedisCluster(client) ? nodeRedisClusterScriptClient(client) : nodeRedisScriptClient(client as NodeRedisScriptClient)
  }
  if (isFunction(candidate.evalsha) && isFunction(candidate.eval)) return ioredisScriptClient(client as IoredisScriptClient)
  throw new ConfigError({ path, detail: `${supported}; got ${shapeOf(client)}` })
}
