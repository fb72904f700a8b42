import type { RedisScriptClient } from './redis-script-client.js'
import type { RedisScript } from './scripts/redis-script.js'

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT')
}

/**
 * Runs `script` by SHA1 (`EVALSHA`), sending its source (`EVAL`) only when the server answers
 * `NOSCRIPT`: after a restart, a failover or `SCRIPT FLUSH`. One round trip when cached, two
 * otherwise. A synchronous throw of the client becomes a rejection.
 */
export async function runScript(client: RedisScriptClient, script: RedisScript, keys: readonly string[], args: readonly string[]): Promise<unknown> {
  try {
    return await client.evalsha(script.sha1, keys.length, ...keys, ...args)
  } catch (error) {
    if (!isNoScript(error)) throw error
    return client.eval(script.source, keys.length, ...keys, ...args)
  }
}
