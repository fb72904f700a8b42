import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createFinOps, type PolicyConfig } from '@finops-ai/core'
import type { Cluster } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startRedisCluster, type RedisClusterProcess } from './testing/redis-cluster-process.js'
import { redisServerSkipReason } from './testing/redis-server-process.js'
import { connectClusterClient } from './redis-cluster-test-client.js'
import { redisStore } from './redis-store.js'

const skip = redisServerSkipReason()
// Workers run on the sources with tsx from the repository root (its tsconfig paths resolve the workspace packages).
const root = fileURLToPath(new URL('../../../', import.meta.url))

const processes = 4
const callsEach = 50
const rpm = 100
const estimateNanos = 2_000_000 // 1_000 input tokens at 1_000 nano-USD + 500 output tokens at 2_000
// The budget holds exactly `rpm` reservations: both limits are at their edge at the same call.
const hardNanos = rpm * estimateNanos
const policies: PolicyConfig[] = [
  { key: 'rpm', limits: { requests_per_minute: rpm } },
  { key: 'shared-budget', limits: { budget: { period: 'monthly', hard_limit_usd: hardNanos / 1e9 } } },
]

interface WorkerResult {
  counts: Record<string, number>
  costNanos: number
  storeDegraded: number
}

function message(worker: ChildProcess, type: string): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: Record<string, unknown>) => {
      if (data.type !== type) return
      worker.off('message', onMessage)
      resolve(data)
    }
    worker.on('message', onMessage)
    worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)))
  })
}

describe.skipIf(skip !== undefined)('redisStore on a Redis Cluster shared by several processes', () => {
  let cluster: RedisClusterProcess
  let client: Cluster
  beforeAll(async () => {
    cluster = await startRedisCluster({ masters: 3, replicasPerMaster: 1 })
    client = await connectClusterClient(cluster.startupNodes)
  }, 60_000)
  afterAll(async () => {
    client.disconnect()
    await cluster.stop()
  })

  it(`${processes} processes, each with its own Cluster client, × ${callsEach} concurrent calls admit exactly the requests_per_minute limit and spend exactly`, async () => {
    const prefix = 'cluster-multi-process'
    const workers = Array.from({ length: processes }, () =>
      fork(fileURLToPath(new URL('./redis-cluster-multi-process-worker.ts', import.meta.url)), [JSON.stringify(cluster.startupNodes), prefix, String(callsEach), JSON.stringify(policies)], {
        cwd: root,
        execArgv: ['--import', 'tsx'],
        stdio: 'inherit',
      }),
    )
    let results: WorkerResult[]
    try {
      await Promise.all(workers.map((worker) => message(worker, 'ready')))
      const done = workers.map((worker) => message(worker, 'done'))
      for (const worker of workers) worker.send('go') // all start together, each store ready
      results = (await Promise.all(done)) as unknown as WorkerResult[]
    } finally {
      for (const worker of workers) if (worker.exitCode === null) worker.kill()
    }

    const allowed = results.reduce((sum, result) => sum + (result.counts.allowed ?? 0), 0)
    const outcomes = results.reduce((sum, result) => sum + Object.values(result.counts).reduce((a, b) => a + b, 0), 0)
    const costNanos = results.reduce((sum, result) => sum + result.costNanos, 0)
    expect(outcomes).toBe(processes * callsEach)
    expect(results.map((result) => result.storeDegraded)).toEqual(results.map(() => 0))
    for (const result of results) for (const reason of Object.keys(result.counts)) expect(['allowed', 'requests_per_minute', 'budget']).toContain(reason)
    expect(allowed).toBe(rpm)

    const store = redisStore({ client, prefix, timeoutMs: 10_000 })
    const [window] = await store.read({ counters: [{ kind: 'window', key: 'rpm:rpm', windowMs: 60_000, bucketMs: 1_000 }] })
    expect(window).toEqual({ kind: 'window', used: rpm })
    const spend = await createFinOps({ store, policies, prices: { 'test-model': { input: 1, output: 2 } } }).spend({ policy: 'shared-budget' })
    expect(spend.reserved).toBe(0)
    expect(Math.round(spend.spent * 1e9)).toBe(costNanos)
    expect(costNanos).toBeLessThanOrEqual(hardNanos)
  }, 120_000)
})
