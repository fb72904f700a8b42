// One new OS process of fresh-processes.test.ts, set up as docs/stores.md says: an ioredis client
// with `enableOfflineQueue: false`, `redisStore`, `createFinOps`, the real `openai` client against
// the parent's fakeProvider(). Run with tsx (`--import tsx`) from the repository root, so the
// workspace packages resolve to their sources. argv: Redis URL, OpenAI base URL, prefix, calls,
// timeoutMs, policies (JSON).
import { createFinOps, type PolicyConfig } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { Redis } from 'ioredis'
import OpenAI from 'openai'
import { redisStore } from './redis-store.js'

/** What the worker reports to the test when its calls are done. */
export interface FreshProcessReport {
  type: 'done'
  /** Calls that got a response. */
  succeeded: number
  /** Why the others failed: each distinct error message once. */
  failures: string[]
  /** Calls that went through unguarded (fail-open after a store failure): `store_degraded` events. */
  unguarded: number
  /** Sum of the usage records' costs, in nano-USD. */
  costNanos: number
}

const [url = '', baseURL = '', prefix = '', calls = '0', timeoutMs = '0', policies = '[]'] = process.argv.slice(2)
const lanes = 25
let unguarded = 0
let costNanos = 0

const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0 })
const store = redisStore({ client, prefix, timeoutMs: Number(timeoutMs) })
const finops = createFinOps({
  store,
  policies: JSON.parse(policies) as PolicyConfig[],
  onStoreError: 'fail-open',
  onEvent: (event) => {
    if (event.type === 'store_degraded') unguarded += 1
  },
  onUsage: (record) => {
    costNanos += record.cost?.usdNanos ?? 0
  },
})
const openai = withFinOps(new OpenAI({ baseURL, apiKey: 'test', maxRetries: 0 }), { finops })
const call = () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'one two three four' }], max_tokens: 32 })

// The first call right after `new Redis(…)`: the client is still connecting, and the reserve
// waits for it (and for the scripts) within its timeoutMs instead of failing open at once.
const first = call()
first.catch(() => undefined) // settled with the others below
await store.ready() // docs/stores.md: await it at startup, before serving traffic
process.send?.({ type: 'ready' })
await new Promise((resolve) => process.once('message', resolve))
// The other calls, `lanes` at a time (the fake provider is one local HTTP server for every process).
const outcomes: Promise<unknown>[] = [first]
const lane = async (): Promise<void> => {
  while (outcomes.length < Number(calls)) {
    const next = call()
    outcomes.push(next)
    await next.catch(() => undefined)
  }
}
await Promise.all(Array.from({ length: lanes }, lane))
const results = await Promise.allSettled(outcomes)
await finops.flush()
const failures = new Set(results.flatMap((result) => (result.status === 'rejected' ? [String(result.reason)] : [])))
const report: FreshProcessReport = { type: 'done', succeeded: results.filter((result) => result.status === 'fulfilled').length, failures: [...failures], unguarded, costNanos }
process.send?.(report)
client.disconnect()
process.disconnect?.()
