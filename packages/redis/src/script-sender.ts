import { ConfigError } from '@finops-ai/core'
import type { ClientReadiness } from './client-readiness.js'
import { isReplyError } from './clients/reply-error.js'
import type { ScriptClient } from './clients/script-client.js'
import { RedisStoreError, type RedisStoreOperation } from './redis-store-error.js'
import { retryWhileSlotMoves } from './retry-while-slot-moves.js'
import { runScript } from './run-script.js'
import type { RedisScript } from './scripts/redis-script.js'
import { withinDeadline } from './within-deadline.js'

/** The `KEYS` and `ARGV` of one script run. */
export interface ScriptCommand {
  keys: string[]
  args: string[]
}

/**
 * Runs `script` with `command` for `operation` and resolves with its raw reply, or rejects with a
 * {@link RedisStoreError} once `deadline` (a `performance.now()` time) has passed.
 */
export type ScriptSender = (operation: RedisStoreOperation, script: RedisScript, command: ScriptCommand, deadline: number) => Promise<unknown>

/**
 * The one way the package sends its scripts on `client`, whose `timeoutMs` names the deadline in
 * messages. With a `readiness`, a script sent while the client is not ready waits for it inside
 * the same deadline (without one it is sent at once); while the slot is moving (`TRYAGAIN`) or
 * unserved (`CLUSTERDOWN`) the script did not run, and it is sent again until the deadline. Nothing
 * is sent after the deadline passed (the caller has already been told the operation failed).
 * Failures reject as {@link RedisStoreError} (`timeout`, `reply` for Redis's error replies,
 * `connection` otherwise); a `ConfigError` (a refused Redis) rejects as itself.
 */
export function scriptSender(client: ScriptClient, timeoutMs: number, readiness?: ClientReadiness): ScriptSender {
  return async (operation, script, command, deadline) => {
    const timeout = () => new RedisStoreError(operation, 'timeout', `no reply within ${timeoutMs} ms`)
    const left = deadline - performance.now()
    if (left <= 0) throw timeout()
    try {
      let expired = false
      const attempt = (): Promise<unknown> => retryWhileSlotMoves(() => runScript(client, script, command.keys, command.args), () => !expired)
      const work = readiness === undefined || readiness.isReady() ? attempt() : readiness.ready().then(() => (expired ? Promise.reject(timeout()) : attempt()))
      return await withinDeadline(work, left, () => {
        expired = true
        return timeout()
      })
    } catch (error) {
      if (error instanceof RedisStoreError || ConfigError.isInstance(error)) throw error // a refused Redis (eviction policy) fails as itself
      throw new RedisStoreError(operation, isReplyError(error) ? 'reply' : 'connection', error instanceof Error ? error.message : String(error), { cause: error })
    }
  }
}
