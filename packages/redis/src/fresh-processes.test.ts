// New processes on a fresh redis-server, each set up as docs/stores.md says (the issue saw 17–51
// reserve timeouts in 4 of 7 runs of 4 × 500 calls, money left reserved and spend uncounted, and
// the first call after `new Redis(url, { enableOfflineQueue: false })` let through unguarded).
// Same fork / ready / go / done protocol as test/redis/multi-process.test.ts, on the sources.
import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createFinOps, type PolicyConfig } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import type { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FreshProcessReport } from './fresh-process-worker.js'
import { redisStore } from './redis-store.js'
import { connectTestClient } from './redis-test-client.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from './testing/redis-server-process.js'

const skip = redisServerSkipReason()
const root = fileURLToPath(new URL('../../../', import.meta.url))
const worker = fileURLToPath(new URL('./fresh-process-worker.ts', import.meta.url))
const processes = 4
const callsEach = 500
// Far above a reserve's few ms: the machines running this suite are shared and often saturated.
const timeoutMs = 2_000
const policies: PolicyConfig[] = [{ key: 'shared', limits: { budget: { period: 'monthly', hard_limit_usd: 1_000 } } }]

/** The next message of `type` from `child`; rejects if it exits first with a failure. */
function message<T>(child: ChildProcess, type: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onMessage = (data: { type?: string }) => {
      if (data.type !== type) return
      child.off('message', onMessage)
      resolve(data as T)
    }
    child.on('message', onMessage)
    child.once('exit', (code) => reject(new Error(`worker exited with ${code} before '${type}'`)))
  })
}

describe.skipIf(skip !== undefined)('new processes on a fresh redis-server', () => {
  let server: RedisServerProcess
  let provider: FakeProvider
  let admin: Redis
  beforeAll(async () => {
    server = await startRedisServer()
    provider = await fakeProvider()
  })
  afterAll(async () => {
    admin?.disconnect()
    await provider.close()
    await server.stop()
  })

  it(`${processes} processes × ${callsEach} calls: none unguarded (the first included), nothing left reserved, spend = sum of costs`, async () => {
    const prefix = 'fresh'
    const args = [`redis://127.0.0.1:${server.port}`, provider.openaiBaseURL, prefix, String(callsEach), String(timeoutMs), JSON.stringify(policies)]
    const children = Array.from({ length: processes }, () => fork(worker, args, { cwd: root, execArgv: ['--import', 'tsx'], stdio: 'inherit' }))
    await Promise.all(children.map((child) => message(child, 'ready')))
    const done = children.map((child) => message<FreshProcessReport>(child, 'done'))
    for (const child of children) child.send('go')
    const reports = await Promise.all(done)

    expect(reports.flatMap((report) => report.failures)).toEqual([])
    expect(reports.map((report) => report.unguarded)).toEqual([0, 0, 0, 0])
    expect(reports.map((report) => report.succeeded)).toEqual([callsEach, callsEach, callsEach, callsEach])
    expect(provider.requests).toHaveLength(processes * callsEach)
    const costNanos = reports.reduce((sum, report) => sum + report.costNanos, 0)
    expect(costNanos).toBeGreaterThan(0)

    admin = await connectTestClient(server.port)
    const store = redisStore({ client: admin, prefix })
    const [budget] = await store.read({ counters: [{ kind: 'budget', key: 'shared:budget', period: 'monthly' }] })
    expect(budget).toMatchObject({ kind: 'budget', reserved: 0, spent: costNanos })
    const spend = await createFinOps({ store, policies }).spend({ policy: 'shared' })
    expect(spend.reserved).toBe(0)
  }, 180_000)
})
