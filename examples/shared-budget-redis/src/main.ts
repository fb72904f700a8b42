import { fork } from 'node:child_process'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { createFinOps, NANOS_PER_USD, type Spend } from '@finops-ai/core'
import { redisStore } from '@finops-ai/redis'
import { startRedisServer } from '@finops-ai/redis/testing'
import { fakeProvider } from '@finops-ai/testing'
import { Redis } from 'ioredis'
import { sharedPolicies } from './shared-policies.js'
import type { WorkerReport, WorkerTask } from './worker.js'

/** Options of {@link run}. */
export interface RunOptions {
  log?: (line: string) => void
  /** A Redis to share; default: a throwaway local `redis-server` (Debian package `redis-server`). */
  redisUrl?: string
  /** Call loops each process runs at once. Default 4. */
  lanesPerProcess?: number
}

/** What the demo measured. */
export interface RunSummary {
  reports: WorkerReport[]
  spend: Spend
}

const workerFile = fileURLToPath(new URL('./worker.ts', import.meta.url))

interface Worker {
  ready: Promise<void>
  go(): void
  report: Promise<WorkerReport>
}

function startWorker(task: WorkerTask): Worker {
  const child = fork(workerFile, [JSON.stringify(task)], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const failed = new Promise<never>((_, reject) => {
    child.once('error', reject)
    child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`worker ${task.name} exited with code ${code}`))))
  })
  const message = <T>(accept: (value: unknown) => boolean) =>
    Promise.race([
      new Promise<T>((resolve) => {
        const listener = (value: unknown) => {
          if (!accept(value)) return
          child.off('message', listener)
          resolve(value as T)
        }
        child.on('message', listener)
      }),
      failed,
    ])
  return {
    ready: message<void>((value) => value === 'ready'),
    go: () => child.send('go'),
    report: message<WorkerReport>((value) => typeof value === 'object'),
  }
}

/**
 * Two OS processes, each with its own engine and wrapped client, spend one daily budget of
 * $0.01 kept in Redis. Both start together and call in a few loops each until the budget denies
 * them; the budget holds exactly: what they spent together never exceeds it, and nothing stays
 * reserved.
 */
export async function run({ log = console.log, redisUrl, lanesPerProcess = 4 }: RunOptions = {}): Promise<RunSummary> {
  const server = redisUrl === undefined ? await startRedisServer() : undefined
  const url = redisUrl ?? `redis://127.0.0.1:${server?.port}`
  const provider = await fakeProvider()
  const client = new Redis(url, { maxRetriesPerRequest: 0 })
  // A fresh prefix per run: a shared Redis may hold today's counters of an earlier run.
  const prefix = `shared-budget-demo-${Date.now()}`
  try {
    log(`Redis at ${url}; two processes spend the research team's daily budget of $0.01 through it`)
    const workers = ['pod-a', 'pod-b'].map((name) =>
      startWorker({ name, redisUrl: url, prefix, providerURL: provider.openaiBaseURL, lanes: lanesPerProcess }),
    )
    await Promise.all(workers.map((worker) => worker.ready))
    for (const worker of workers) worker.go()
    const reports = await Promise.all(workers.map((worker) => worker.report))
    const reader = createFinOps({ store: redisStore({ client, prefix }), policies: sharedPolicies })
    const spend = await reader.spend({ policy: 'research-daily' })
    for (const report of reports) {
      log(`  ${report.name}: ${report.sent} calls sent, ${report.denied} denied, spent $${(report.spentNanos / NANOS_PER_USD).toFixed(6)}`)
    }
    const together = reports.reduce((sum, report) => sum + report.spentNanos, 0)
    log(`together: $${(together / NANOS_PER_USD).toFixed(6)}; Redis says spent $${spend.spent.toFixed(6)} of $${spend.hardLimit}, reserved $${spend.reserved}`)
    return { reports, spend }
  } finally {
    client.disconnect()
    await provider.close()
    await server?.stop()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
