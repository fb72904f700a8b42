import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTestClient } from '../redis-test-client.js'
import { redisScript } from '../scripts/redis-script.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { ioredisScriptClient } from './ioredis-script-client.js'

const skip = redisServerSkipReason()
// Returns its keys and arguments in order, so the test sees what Redis received.
const echo = redisScript('echo', 'return { KEYS[1], KEYS[2], ARGV[1], ARGV[2], ARGV[3] }')

describe.skipIf(skip !== undefined)('ioredisScriptClient against a real redis-server', () => {
  let server: RedisServerProcess
  beforeAll(async () => {
    server = await startRedisServer()
  })
  afterAll(() => server.stop())

  it('EVALSHA answers NOSCRIPT until EVAL cached the script; keys and arguments arrive in order', async () => {
    const redis = await connectTestClient(server.port)
    const client = ioredisScriptClient(redis)
    const keys = ['{t}:a', '{t}:b']
    const args = ['1', '2', '3']
    await redis.script('FLUSH')
    await expect(client.evalSha(echo.sha1, keys, args)).rejects.toThrow(/^NOSCRIPT/)
    expect(await client.eval(echo.source, keys, args)).toEqual(['{t}:a', '{t}:b', '1', '2', '3'])
    expect(await client.evalSha(echo.sha1, keys, args)).toEqual(['{t}:a', '{t}:b', '1', '2', '3'])
    redis.disconnect()
  })
})
