/**
 * What a Redis database holds, for checking a store's footprint: `used_memory` (`INFO memory`),
 * the key count and how many keys have a TTL (`INFO keyspace` of db 0), and per key kind (the
 * part after the `{prefix}:` hash tag of `redisStore`'s keys: `w` window, `b` budget, `bl` budget
 * leases, `r` reservation record, …) the keys, those with a TTL and the longest TTL, from a full
 * `SCAN` with `PTTL` of every key (pipelined; fine for the ~10⁵ keys of a bench).
 *
 * @param {import('ioredis').Redis} client a connected ioredis client (not auto-pipelining, so each `PTTL` batch is one pipeline)
 */
export async function redisKeyspace(client) {
  const usedMemoryBytes = Number(infoField(await client.info('memory'), 'used_memory'))
  const db0 = infoField(await client.info('keyspace'), 'db0')
  const keyspace = Object.fromEntries((db0 ?? 'keys=0,expires=0').split(',').map((pair) => pair.split('=')))
  const byKind = {}
  let cursor = '0'
  do {
    const [next, keys] = await client.scan(cursor, 'COUNT', 1000)
    cursor = next
    if (keys.length === 0) continue
    const pipeline = client.pipeline()
    for (const key of keys) pipeline.pttl(key)
    const ttls = await pipeline.exec()
    keys.forEach((key, index) => {
      const kind = /^\{[^}]*\}:([^:]+):/.exec(key)?.[1] ?? 'other'
      const ttlMs = ttls[index][1]
      const entry = (byKind[kind] ??= { keys: 0, withTtl: 0, maxTtlMs: 0 })
      entry.keys++
      if (ttlMs >= 0) {
        entry.withTtl++
        entry.maxTtlMs = Math.max(entry.maxTtlMs, ttlMs)
      }
    })
  } while (cursor !== '0')
  return { usedMemoryBytes, keys: Number(keyspace.keys ?? 0), keysWithTtl: Number(keyspace.expires ?? 0), byKind }
}

/** The value of `field` in an `INFO` reply (`field:value` lines), or `undefined`. */
function infoField(info, field) {
  const line = info.split(/\r?\n/).find((entry) => entry.startsWith(`${field}:`))
  return line?.slice(field.length + 1).trim()
}
