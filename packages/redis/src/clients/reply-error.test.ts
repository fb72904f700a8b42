import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectTestClient } from '../redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { nodeRedisVersions } from './node-redis-test-clients.js'
import { isReplyError } from './reply-error.js'

const skip = redisServerSkipReason()
const failingScript = "return redis.error_reply('BUSYKEY an error reply')"

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => {
      throw new Error('expected a rejection')
    },
    (error: unknown) => error,
  )
}

describe('isReplyError', () => {
  it('is false for errors that are not Redis replies, and for non-errors', () => {
    expect(isReplyError(new Error('Connection is closed.'))).toBe(false)
    expect(isReplyError('ERR as a string')).toBe(false)
    expect(isReplyError(undefined)).toBe(false)
  })

  describe.skipIf(skip !== undefined)('errors of real clients', () => {
    let server: RedisServerProcess
    beforeAll(async () => {
      server = await startRedisServer()
    })
    afterAll(() => server.stop())

    it('ioredis: an error reply is one, a closed connection is not', async () => {
      const client = await connectTestClient(server.port)
      expect(isReplyError(await rejectionOf(client.eval(failingScript, 0)))).toBe(true)
      client.disconnect()
      expect(isReplyError(await rejectionOf(client.eval('return 1', 0)))).toBe(false)
      const never = new Redis({ port: server.port, lazyConnect: true, enableOfflineQueue: false })
      expect(isReplyError(await rejectionOf(never.eval('return 1', 0)))).toBe(false)
    })

    for (const version of nodeRedisVersions) {
      it(`${version.name}: an error reply and NOSCRIPT are ones, a closed client is not`, async () => {
        const connected = await version.connect(server.port)
        const options = { keys: [], arguments: [] }
        const reply = await rejectionOf(connected.client.eval(failingScript, options))
        expect(reply).toMatchObject({ name: 'Error', message: 'BUSYKEY an error reply' }) // node-redis does not name its ErrorReply
        expect(isReplyError(reply)).toBe(true)
        expect(isReplyError(await rejectionOf(connected.client.evalSha('0'.repeat(40), options)))).toBe(true)
        await connected.close()
        const closed = await rejectionOf(connected.client.eval('return 1', options))
        expect(closed).toMatchObject({ message: 'The client is closed' })
        expect(isReplyError(closed)).toBe(false)
      })
    }
  })
})
