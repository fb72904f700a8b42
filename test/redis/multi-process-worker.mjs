// One OS process of multi-process.test.ts: an engine on the BUILT packages (`pnpm test` builds
// first) sharing a Redis store with three siblings. argv: port, prefix, calls, policies (JSON).
import { createRequire } from 'node:module'

const root = new URL('../../', import.meta.url)
const { callPathOf, createFinOps, LimitExceededError } = await import(new URL('packages/core/dist/index.js', root).href)
const { redisStore } = await import(new URL('packages/redis/dist/index.js', root).href)
const { Redis } = createRequire(new URL('packages/redis/package.json', root))('ioredis')

const [port, prefix, calls, policies] = [Number(process.argv[2]), process.argv[3], Number(process.argv[4]), JSON.parse(process.argv[5])]
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

const client = new Redis({ host: '127.0.0.1', port, enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false })
await new Promise((resolve) => client.once('ready', resolve))

const events = []
let costNanos = 0
const finops = createFinOps({
  store: redisStore({ client, prefix, timeoutMs: 2_000 }),
  policies,
  prices: { 'test-model': { input: 1, output: 2 } }, // $ per 1M tokens: 1_000 and 2_000 nano-USD per token
  onStoreError: 'fail-closed',
  onEvent: (event) => events.push(event.type),
  onUsage: (record) => {
    costNanos += record.cost?.usdNanos ?? 0
  },
})
const path = callPathOf(finops)

const call = async () => {
  await sleep(Math.random() * 100)
  try {
    const handle = await path.begin({ provider: 'openai', operation: 'chat', model: 'test-model', stream: false, maxOutputTokens: 500, estimatedInputTokens: 1_000 })
    await sleep(5 + Math.random() * 20)
    handle.succeed({ usage: { inputTokens: 1_000, outputTokens: Math.floor(Math.random() * 501) } })
    return 'allowed'
  } catch (error) {
    if (error instanceof LimitExceededError) return error.reason
    throw error
  }
}

process.send({ type: 'ready' })
await new Promise((resolve) => process.once('message', resolve))
const outcomes = await Promise.all(Array.from({ length: calls }, call))
await finops.flush()
const counts = {}
for (const outcome of outcomes) counts[outcome] = (counts[outcome] ?? 0) + 1
process.send({ type: 'done', counts, costNanos, storeDegraded: events.filter((type) => type === 'store_degraded').length })
client.disconnect()
