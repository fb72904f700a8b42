import type { ScriptClient } from './clients/script-client.js'
import type { RedisScript } from './scripts/redis-script.js'

function isNoScript(error: unknown): boolean {
  return error instanceof Error && error.message.startsWith('NOSCRIPT')
}

/**
 * Runs `script` by SHA1 (`EVALSHA`), sending its source (`EVAL`) only when the server answers
 * `NOSCRIPT`: after a restart, a failover or `SCRIPT FLUSH`. One round trip when cached, two
 * otherwise. A synchronous throw of the client becomes a rejection.
 */
export async function runScript(client: ScriptClient, script: RedisScript, keys: string[], args: string[]): Promise<unknown> {
  try {
    return await client.evalSha(script.sha1, keys, args)
  } catch (error) {
    if (!isNoScript(error)) throw error
    return client.eval(script.source, keys, args)
  }
}
