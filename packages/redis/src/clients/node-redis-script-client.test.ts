import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTestClient } from '../redis-test-client.js'
import { redisScript } from '../scripts/redis-script.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { nodeRedisScriptClient } from './node-redis-script-client.js'
import { nodeRedisVersions } from './node-redis-test-clients.js'

const skip = redisServerSkipReason()
// Returns its keys and arguments in order, so the test sees what Redis received.
const echo = redisScript('echo', 'return { KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3] }')

describe.skipIf(skip !== undefined)('nodeRedisScriptClient against a real redis-server', () => {
  let server: RedisServerProcess
  let admin: Redis
  beforeAll(async () => {
    server = await startRedisServer()
    admin = await connectTestClient(server.port)
  })
  afterAll(async () => {
    admin.disconnect()
    await server.stop()
  })

  for (const version of nodeRedisVersions) {
    it(`${version.name}: EVALSHA answers NOSCRIPT until EVAL cached the script; keys and arguments arrive in order`, async () => {
      const connected = await version.connect(server.port)
      const client = nodeRedisScriptClient(connected.client)
      const keys = ['{t}:a', '{t}:b']
      const args = ['1', '2', '3']
      await admin.script('FLUSH')
      await expect(client.evalSha(echo.sha1, keys, args)).rejects.toThrow(/^NOSCRIPT/)
      expect(await client.eval(echo.source, keys, args)).toEqual(['{t}:a', '{t}:b', '1', '2', '3'])
      expect(await client.evalSha(echo.sha1, keys, args)).toEqual(['{t}:a', '{t}:b', '1', '2', '3'])
      await connected.close()
    })
  }
})
