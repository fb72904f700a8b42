import { redisScript, type RedisScript } from './redis-script.js'

/**
 * `get` of `redisResponseCache`: one cached response.
 *
 * KEYS[1]   the entry: `<prefix><key>`, a string holding the response as JSON.
 *
 * Reply: the JSON text, or nil when there is no entry (never stored, or expired).
 */
export const cacheGetScript: RedisScript = redisScript('get', `return redis.call('GET', KEYS[1])`)

/**
 * `set` of `redisResponseCache`: stores one response, replacing an entry of the same key.
 *
 * KEYS[1]   the entry: `<prefix><key>`.
 * ARGV[1]   the response as JSON.
 * ARGV[2]   how long the entry lives, in ms (`SET … PX`).
 *
 * Reply: 1.
 */
export const cacheSetScript: RedisScript = redisScript('set', `redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
return 1`)
