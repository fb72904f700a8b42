// One OS process of response-cache-engine.test.ts: its own ioredis connection, an engine caching
// responses in Redis with `redisResponseCache`, and the real `openai` client against the parent's
// fakeProvider(). Makes one temperature-0 chat call, flushes (the response is written to Redis),
// and sends what it got. Run with tsx (`--import tsx`) from the repository root. argv: Redis URL,
// OpenAI base URL, the request (JSON).
import { createFinOps } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { Redis } from 'ioredis'
import OpenAI from 'openai'
import { redisResponseCache } from './redis-response-cache.js'

/** What the worker reports to the test. */
export interface ResponseCacheProcessReport {
  /** The completion's id and text as the caller received them. */
  id: string
  content: string | null
  /** `cacheHit` of the call's usage record: true when Redis answered. */
  hit: boolean
}

const [url = '', baseURL = '', request = '{}'] = process.argv.slice(2)
const client = new Redis(url, { maxRetriesPerRequest: 0 })
let hit = false
const finops = createFinOps({
  cache: { store: redisResponseCache({ client, timeoutMs: 2_000 }) },
  onUsage: (record) => void (hit = record.cacheHit !== undefined),
})
const openai = withFinOps(new OpenAI({ baseURL, apiKey: 'test', maxRetries: 0 }), { finops })
const completion = await openai.chat.completions.create(JSON.parse(request) as OpenAI.ChatCompletionCreateParamsNonStreaming)
await finops.flush()
const report: ResponseCacheProcessReport = { id: completion.id, content: completion.choices[0]?.message.content ?? null, hit }
process.send?.(report, () => {
  client.disconnect()
  process.disconnect()
})
