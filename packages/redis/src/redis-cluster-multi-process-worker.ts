// One OS process of redis-cluster-multi-process.test.ts (run by `node --import tsx`, so on the sources):
// an engine with its own ioredis Cluster client sharing one store with its siblings.
// argv: startup nodes (JSON), prefix, calls, policies (JSON). Messages as test/redis/multi-process-worker.mjs:
// 'ready' once the store is ready, then waits for 'go', then 'done' with its outcomes.
import { callPathOf, createFinOps, LimitExceededError, type PolicyConfig } from '@finops-ai/core'
import type { RedisClusterNode } from './testing/redis-cluster-process.js'
import { connectClusterClient } from './redis-cluster-test-client.js'
import { redisStore } from './redis-store.js'

const [nodes, prefix, calls, policies] = [JSON.parse(process.argv[2]!) as RedisClusterNode[], process.argv[3]!, Number(process.argv[4]), JSON.parse(process.argv[5]!) as PolicyConfig[]]
const send = (message: Record<string, unknown>) => new Promise<void>((resolve) => process.send!(message, () => resolve()))

const client = await connectClusterClient(nodes)
const store = redisStore({ client, prefix, timeoutMs: 10_000 })
await store.ready()
let costNanos = 0
let storeDegraded = 0
const finops = createFinOps({
  store,
  policies,
  prices: { 'test-model': { input: 1, output: 2 } }, // $ per 1M tokens: 1_000 and 2_000 nano-USD per token
  onStoreError: 'fail-closed',
  onEvent: (event) => {
    if (event.type === 'store_degraded') storeDegraded += 1
  },
  onUsage: (record) => {
    costNanos += record.cost?.usdNanos ?? 0
  },
})
const path = callPathOf(finops)

const call = async (index: number): Promise<string> => {
  try {
    const handle = await path.begin({ provider: 'openai', operation: 'chat', model: 'test-model', stream: false, maxOutputTokens: 500, estimatedInputTokens: 1_000 })
    handle.succeed({ usage: { inputTokens: 1_000, outputTokens: (index * 37) % 501 } })
    return 'allowed'
  } catch (error) {
    if (error instanceof LimitExceededError) return error.reason
    throw error
  }
}

await send({ type: 'ready' })
await new Promise((resolve) => process.once('message', resolve))
const outcomes = await Promise.all(Array.from({ length: calls }, (_, index) => call(index)))
await finops.flush()
const counts: Record<string, number> = {}
for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1
await send({ type: 'done', counts, costNanos, storeDegraded })
client.disconnect()
