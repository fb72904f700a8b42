// One application process: its own engine and client, counters in the shared Redis.
import { createFinOps, LimitExceededError } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { redisStore } from '@finops-ai/redis'
import { Redis } from 'ioredis'
import OpenAI from 'openai'
import { sharedPolicies } from './shared-policies.js'

/** What the parent tells a worker. */
export interface WorkerTask {
  name: string
  redisUrl: string
  /** Key prefix of this run's counters in Redis. */
  prefix: string
  providerURL: string
  /** Call loops running at once in this process. */
  lanes: number
}

/** What a worker reports back. */
export interface WorkerReport {
  name: string
  sent: number
  denied: number
  spentNanos: number
}

const task = JSON.parse(process.argv[2] ?? '{}') as WorkerTask
const client = new Redis(task.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0 })
let spentNanos = 0
const finops = createFinOps({
  store: redisStore({ client, prefix: task.prefix }),
  policies: sharedPolicies,
  onUsage: (record) => void (spentNanos += record.cost?.usdNanos ?? 0),
})
const openai = withFinOps(new OpenAI({ baseURL: task.providerURL, apiKey: 'no-key-needed' }), { finops, attribution: { team: 'research' } })

await new Promise((resolve) => client.once('ready', resolve))
// Start together with the other process: tell the parent we are ready and wait for its 'go'.
await new Promise((resolve) => {
  process.once('message', resolve)
  process.send?.('ready')
})
let sent = 0
let denied = 0
// Each lane calls until the shared budget denies it.
await Promise.all(
  Array.from({ length: task.lanes }, async () => {
    for (;;) {
      try {
        await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'summarise the paper' }], max_tokens: 32 })
        sent++
      } catch (error) {
        if (!LimitExceededError.isInstance(error)) throw error
        denied++
        return
      }
    }
  }),
)
await finops.flush()
client.disconnect()
const report: WorkerReport = { name: task.name, sent, denied, spentNanos }
process.send?.(report)
