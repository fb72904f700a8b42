import type { IoredisScriptClient } from '../redis-script-client.js'
import type { ScriptClient } from './script-client.js'

/**
 * The {@link ScriptClient} of an `ioredis` `Redis` or `Cluster` (or any client with its
 * `evalsha(sha1, numkeys, ...keysAndArguments)` and `eval` shape): the keys and arguments are
 * spread into the flat list it takes.
 */
export function ioredisScriptClient(client: IoredisScriptClient): ScriptClient {
  return {
    evalSha: (sha1, keys, args) => client.evalsha(sha1, keys.length, ...keys, ...args),
    eval: (source, keys, args) => client.eval(source, keys.length, ...keys, ...args),
  }
}
