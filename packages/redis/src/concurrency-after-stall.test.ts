// A Redis outage longer than the engine's first settle retries, with 16 calls in flight under
// `max_concurrent: 16`: every slot must come back once Redis is reachable again, not when the
// reservations' 15-minute lease ends.
import { createServer, Socket, type Server } from 'node:net'
import { callPathOf, createFinOps, LimitExceededError, type FinOpsEvent, type Store } from '@finops-ai/core'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'

const skip = redisServerSkipReason()
const request = { provider: 'openai', operation: 'chat' as const, model: 'test-model', stream: false, maxOutputTokens: 10, estimatedInputTokens: 10 }

/** A TCP relay to Redis that can be cut (every connection dropped, new ones refused) and restored on the same port. */
async function relayTo(port: number) {
  const sockets = new Set<Socket>()
  let server: Server | undefined
  let relayPort = 0
  const listen = () =>
    new Promise<void>((resolve) => {
      server = createServer((client) => {
        const upstream = new Socket()
        for (const socket of [client, upstream]) {
          sockets.add(socket)
          socket.on('error', () => {})
          socket.on('close', () => sockets.delete(socket))
        }
        upstream.connect(port, '127.0.0.1')
        client.pipe(upstream).pipe(client)
        client.on('close', () => upstream.destroy())
        upstream.on('close', () => client.destroy())
      })
      server.listen(relayPort, '127.0.0.1', () => {
        relayPort = (server!.address() as { port: number }).port
        resolve()
      })
    })
  await listen()
  return {
    port: relayPort,
    cut: () =>
      new Promise<void>((resolve) => {
        server!.close(() => resolve())
        for (const socket of sockets) socket.destroy()
      }),
    restore: listen,
    close: () => new Promise<void>((resolve) => (server!.listening ? server!.close(() => resolve()) : resolve())),
  }
}

/** Resolves once `count` values were pushed. */
function counter() {
  let seen = 0
  const waiting: { at: number; resolve: () => void }[] = []
  return {
    add() {
      seen += 1
      for (const waiter of waiting.filter((entry) => entry.at <= seen)) waiter.resolve()
    },
    reached: (at: number) => new Promise<void>((resolve) => (seen >= at ? resolve() : waiting.push({ at, resolve }))),
  }
}

describe.skipIf(skip !== undefined)('concurrency slots after a Redis outage', () => {
  let server: RedisServerProcess
  beforeAll(async () => {
    server = await startRedisServer()
  })
  afterAll(() => server.stop())

  it('frees every slot of 16 calls that ended during the outage once Redis is reachable again', async () => {
    const relay = await relayTo(server.port)
    // The client options docs/stores.md recommends, through the relay.
    const client: Redis = await connectTestClient(relay.port)
    const redis = redisStore({ client, prefix: 'stall' })
    const degraded = counter()
    const settled = counter()
    // The real store, observed: counts the settlements Redis applied.
    const store: Store = {
      reservationTtlMs: redis.reservationTtlMs,
      reserve: (reserve) => redis.reserve(reserve),
      settle: async (settle) => {
        const result = await redis.settle(settle)
        settled.add()
        return result
      },
      read: (read) => redis.read(read),
    }
    const onEvent = (event: FinOpsEvent) => {
      if (event.type === 'store_degraded') degraded.add()
    }
    const finops = createFinOps({ store, policies: [{ key: 'team', limits: { max_concurrent: 16 } }], prices: { 'test-model': { input: 1, output: 1 } }, onEvent })
    const path = callPathOf(finops)
    try {
      const calls = await Promise.all(Array.from({ length: 16 }, () => path.begin(request)))
      await expect(path.begin(request)).rejects.toBeInstanceOf(LimitExceededError)
      await relay.cut()
      for (const call of calls) call.succeed({ usage: { inputTokens: 10, outputTokens: 10 } })
      // Every settlement failed through the engine's first retries (about 2 s).
      await degraded.reached(16)
      await finops.flush()
      await relay.restore()
      await settled.reached(16)
      // All 16 slots are free again: 16 new calls are admitted, the 17th is denied.
      const again = await Promise.all(Array.from({ length: 16 }, () => path.begin(request)))
      await expect(path.begin(request)).rejects.toMatchObject({ reason: 'concurrency' })
      for (const call of again) call.succeed({ usage: { inputTokens: 10, outputTokens: 10 } })
      await settled.reached(32)
    } finally {
      client.disconnect()
      await relay.close()
    }
  })
})
