import type { ScriptClient } from './script-client.js'

/**
 * What the store uses of a node-redis (`redis` v4, v5, v6) cluster from `createCluster()`: its raw
 * `sendCommand(firstKey, isReadonly, args)`, which routes by `firstKey` and follows `MOVED` and
 * `ASK` redirections in every major. (The cluster's `evalSha` cannot be used: node-redis v4 finds
 * no key in it and sends it to an arbitrary master.)
 */
export interface NodeRedisClusterCommands {
  /** Sends `args` to the master of `firstKey`'s slot. */
  sendCommand(firstKey: string | undefined, isReadonly: boolean | undefined, args: string[]): Promise<unknown>
  /** The cluster's masters; only its presence is used, to tell a cluster from a single client. */
  readonly masters: unknown
}

/** Whether `client` is a node-redis cluster (it has `masters` and the cluster's `sendCommand`). */
export function isNodeRedisCluster(client: object): client is NodeRedisClusterCommands {
  return 'masters' in client && typeof (client as { sendCommand?: unknown }).sendCommand === 'function'
}

/**
 * The {@link ScriptClient} of a node-redis cluster: `EVALSHA`/`EVAL` sent with `sendCommand` to the
 * master of the first key's slot (all keys of one store share the prefix's hash tag, so one slot).
 */
export function nodeRedisClusterScriptClient(cluster: NodeRedisClusterCommands): ScriptClient {
  return {
    evalSha: (sha1, keys, args) => cluster.sendCommand(keys[0], false, ['EVALSHA', sha1, String(keys.length), ...keys, ...args]),
    eval: (source, keys, args) => cluster.sendCommand(keys[0], false, ['EVAL', source, String(keys.length), ...keys, ...args]),
  }
}
