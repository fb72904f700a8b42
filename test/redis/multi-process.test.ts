import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { createFinOps, type PolicyConfig } from '@finops-ai/core'
import { redisStore } from '@finops-ai/redis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '@finops-ai/redis/testing'
import { connectTestClient } from '../../packages/redis/src/redis-test-client.js'

const built = ['packages/core/dist/index.js', 'packages/redis/dist/index.js'].every((path) => existsSync(fileURLToPath(new URL(`../../${path}`, import.meta.url))))
if (!built) {
  const message = 'multi-process Redis test needs the built packages (run `pnpm build`; `pnpm test` does)'
  if (process.env.CI === 'true') throw new Error(message)
  console.warn(`\n⚠ ${message}: SKIPPED\n`)
}
const skip = redisServerSkipReason() !== undefined || !built

const processes = 4
const callsEach = 50
const rpm = 100
const hardNanos = 140_000_000 // $0.14: 70 reservations at the 2_000_000 nano-USD estimate
const policies: PolicyConfig[] = [
  { key: 'rpm', limits: { requests_per_minute: rpm } },
  { key: 'shared-budget', limits: { budget: { period: 'monthly', hard_limit_usd: hardNanos / 1e9 } } },
]

interface WorkerResult {
  counts: Record<string, number>
  costNanos: number
  storeDegraded: number
}

describe.skipIf(skip)('redis store shared by several processes', () => {
  let server: RedisServerProcess
  let client: Awaited<ReturnType<typeof connectTestClient>>
  beforeAll(async () => {
    server = await startRedisServer()
    client = await connectTestClient(server.port)
  })
  afterAll(async () => {
    client.disconnect()
    await server.stop()
  })

  it(`${processes} processes × ${callsEach} concurrent calls never exceed the shared limits and settle exactly`, async () => {
    const prefix = 'multi-process'
    const workers = Array.from({ length: processes }, () =>
      fork(fileURLToPath(new URL('./multi-process-worker.mjs', import.meta.url)), [String(server.port), prefix, String(callsEach), JSON.stringify(policies)], { stdio: 'inherit' }),
    )
    const message = (worker: (typeof workers)[number], type: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const onMessage = (data: Record<string, unknown>) => {
          if (data.type !== type) return
          worker.off('message', onMessage)
          resolve(data)
        }
        worker.on('message', onMessage)
        worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)))
      })
    await Promise.all(workers.map((worker) => message(worker, 'ready')))
    const done = workers.map((worker) => message(worker, 'done'))
    for (const worker of workers) worker.send('go') // all four start together
    const results = (await Promise.all(done)) as unknown as WorkerResult[]

    const allowed = results.reduce((sum, result) => sum + (result.counts.allowed ?? 0), 0)
    const outcomes = results.reduce((sum, result) => sum + Object.values(result.counts).reduce((a, b) => a + b, 0), 0)
    const costNanos = results.reduce((sum, result) => sum + result.costNanos, 0)
    expect(outcomes).toBe(processes * callsEach)
    expect(results.every((result) => result.storeDegraded === 0)).toBe(true)
    for (const result of results) for (const reason of Object.keys(result.counts)) expect(['allowed', 'requests_per_minute', 'budget']).toContain(reason)
    expect(allowed).toBeLessThanOrEqual(rpm)
    expect(allowed).toBeLessThan(processes * callsEach) // the limits did bite

    const store = redisStore({ client, prefix, timeoutMs: 2_000 })
    const [window, budget] = await store.read({
      counters: [
        { kind: 'window', key: 'rpm:rpm', windowMs: 60_000, bucketMs: 1_000 },
        { kind: 'budget', key: 'shared-budget:budget', period: 'monthly' },
      ],
    })
    expect(window).toEqual({ kind: 'window', used: allowed })
    expect(budget).toMatchObject({ kind: 'budget', reserved: 0, spent: costNanos })
    expect(costNanos).toBeLessThanOrEqual(hardNanos)

    const finops = createFinOps({ store, policies, prices: { 'test-model': { input: 1, output: 2 } } })
    const spend = await finops.spend({ policy: 'shared-budget' })
    expect(spend.reserved).toBe(0)
    expect(Math.round(spend.spent * 1e9)).toBe(costNanos)
  }, 60_000)
})
