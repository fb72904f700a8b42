import { chargeScript } from './charge-script.js'
import { readScript } from './read-script.js'
import { recordOutputsScript } from './record-outputs-script.js'
import type { RedisScript } from './redis-script.js'
import { reserveScript } from './reserve-script.js'
import { settleScript } from './settle-script.js'

/**
 * The store's Lua scripts with their SHA1s, for inspection or to preload them
 * (`SCRIPT LOAD`) on every node before traffic. The store sends a source itself after `NOSCRIPT`.
 */
export const redisStoreScripts: Readonly<{ reserve: RedisScript; settle: RedisScript; read: RedisScript; charge: RedisScript; recordOutputs: RedisScript }> = Object.freeze({
  reserve: reserveScript,
  settle: settleScript,
  read: readScript,
  charge: chargeScript,
  recordOutputs: recordOutputsScript,
})
