import { describe, expect, it } from 'vitest'
import { useRedisServer } from '../redis-fixture.js'
import { redisServerSkipReason } from '../testing/redis-server-process.js'
import { redisStore } from '../redis-store.js'
import { commandCalls } from '../redis-test-client.js'
import { redisStoreScripts } from './redis-store-scripts.js'

describe('redis store scripts', () => {
  it('are pinned: a changed script changes its SHA1 here, deliberately', () => {
    expect({
      reserve: redisStoreScripts.reserve.sha1,
      settle: redisStoreScripts.settle.sha1,
      read: redisStoreScripts.read.sha1,
      charge: redisStoreScripts.charge.sha1,
      recordOutputs: redisStoreScripts.recordOutputs.sha1,
    }).toEqual({
      reserve: '42015eb11c611cbf2d85c30bf02eb77b2d5b61f5',
      settle: 'a624f00b4e4aa9bf20431e2f7088e4c2b84f1a43',
      read: '8c7eeb37447e7fc765c31adaa84f836d11341ad2',
      charge: 'cc1c66329cd030577762d9ec76566b3990e16494',
      recordOutputs: 'a57cde9e832db38e8e5463e82fbd57f5fcdd5864',
    })
  })

  it('document their KEYS and ARGV in a header comment', async () => {
    for (const name of ['reserve', 'settle', 'read', 'charge', 'record-outputs']) {
      const { readFile } = await import('node:fs/promises')
      const text = await readFile(new URL(`./${name}-script.ts`, import.meta.url), 'utf8')
      expect(text).toMatch(/KEYS\[1/)
      expect(text).toMatch(/ARGV\[1\]/)
      expect(text).toMatch(/Reply/)
    }
  })
})

const skip = redisServerSkipReason()

describe.skipIf(skip !== undefined)('redis store scripts on a real redis-server', () => {
  const redis = useRedisServer()

  it('have the SHA1 Redis computes for them', async () => {
    for (const script of Object.values(redisStoreScripts)) expect(await redis.client.script('LOAD', script.source)).toBe(script.sha1)
  })

  it('are sent again with EVAL after SCRIPT FLUSH, then run by EVALSHA', async () => {
    const store = redisStore({ client: redis.client, prefix: 'flush', timeoutMs: 2_000 })
    const counters = [{ kind: 'concurrency', key: 'c', limit: 5 }] as const
    await store.reserve({ id: 'warm', counters })
    await redis.client.script('FLUSH')
    const before = await commandCalls(redis.client)
    await store.reserve({ id: 'after-flush', counters })
    await store.reserve({ id: 'cached-again', counters })
    const after = await commandCalls(redis.client)
    expect((after.eval ?? 0) - (before.eval ?? 0)).toBe(1)
    expect((after.evalsha ?? 0) - (before.evalsha ?? 0)).toBe(2)
    expect(await store.read({ counters })).toEqual([{ kind: 'concurrency', inFlight: 3 }])
  })
})
