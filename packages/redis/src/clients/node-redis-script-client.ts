import type { NodeRedisScriptClient } from '../redis-script-client.js'
import type { ScriptClient } from './script-client.js'

/**
 * The {@link ScriptClient} of a node-redis (`redis` v4, v5, v6) client or cluster: each command
 * passes the store's key and argument arrays as they are, in the one `{ keys, arguments }` object
 * node-redis takes (a cluster routes the command to the slot of the first key). Redirections
 * (`MOVED`, `ASK`) are followed by the node-redis cluster itself.
 */
export function nodeRedisScriptClient(client: NodeRedisScriptClient): ScriptClient {
  return {
    evalSha: (sha1, keys, args) => client.evalSha(sha1, { keys, arguments: args }),
    eval: (source, keys, args) => client.eval(source, { keys, arguments: args }),
  }
}
