import { pathToFileURL } from 'node:url'
import { createAnthropic } from '@ai-sdk/anthropic'
import { createOpenAI } from '@ai-sdk/openai'
import { withFinOps } from '@finops-ai/ai-sdk'
import { createFinOps, LimitExceededError, withAttribution, type UsageRecord } from '@finops-ai/core'
import { fakeProvider } from '@finops-ai/testing'
import { embed, generateText, streamText } from 'ai'
import { costTable } from './cost-table.js'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
}

/** What {@link run} did, for the smoke test. */
export interface RunReport {
  /** One usage record per model call, in the order the calls ended. */
  records: UsageRecord[]
  /** The denials, as `generateText` threw one and `streamText` reported the other. */
  denials: unknown[]
  /** Requests the fake provider received. */
  providerRequests: number
}

/**
 * The demo: AI SDK models wrapped with `withFinOps` (OpenAI Responses, Anthropic Messages, an
 * OpenAI embedding model), called with `generateText`, `streamText` and `embed` inside
 * attribution scopes; then a policy allowing one FAQ answer per minute stops a `generateText` and
 * a `streamText` before anything is sent. Ends with a cost table of every call.
 */
export async function run({ log = console.log }: RunOptions = {}): Promise<RunReport> {
  const provider = await fakeProvider()
  const records: UsageRecord[] = []
  const denials: unknown[] = []
  const onError = ({ error }: { error: unknown }) => {
    denials.push(error)
    log(`  streamText reported ${error instanceof Error ? error.name : String(error)} to onError`)
  }
  const finops = createFinOps({
    policies: [{ key: 'faq-rate', match: { feature: 'faq' }, limits: { requests_per_minute: 1 } }],
    onUsage: (record) => void records.push(record),
  })
  const openai = createOpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'no-key-needed' })
  const anthropic = createAnthropic({ baseURL: `${provider.anthropicBaseURL}/v1`, apiKey: 'no-key-needed' })
  const attribution = { team: 'customer-support' }
  const gpt = withFinOps(openai.responses('gpt-4o-mini'), { finops, attribution })
  const claude = withFinOps(anthropic('claude-haiku-4-5'), { finops, attribution })
  const embedder = withFinOps(openai.embedding('text-embedding-3-small'), { finops, attribution })
  const prompt = 'Where is my parcel? It was due on Monday.'

  try {
    log(`fake provider at ${provider.url}\n`)
    log('1. generateText inside an attribution scope')
    const answer = await withAttribution({ user: 'k.herings', feature: 'faq' }, () => generateText({ model: gpt, prompt, maxOutputTokens: 64 }))
    log(`  ${answer.text.slice(0, 48)}...`)

    log('2. streamText with Claude, read as it arrives')
    await withAttribution({ user: 'a.lovelace', feature: 'triage' }, async () => {
      const result = streamText({ model: claude, prompt, maxOutputTokens: 64 })
      let words = 0
      for await (const text of result.textStream) words += text.trim() === '' ? 0 : 1
      log(`  streamed ${words} words`)
    })

    log('3. embed a ticket for search')
    await withAttribution({ feature: 'ticket-search' }, () => embed({ model: embedder, value: prompt }))

    log('4. a second FAQ answer within the minute: denied before anything is sent')
    const sentBefore = provider.requests.length
    try {
      await withAttribution({ user: 'k.herings', feature: 'faq' }, () => generateText({ model: gpt, prompt }))
    } catch (error) {
      if (!LimitExceededError.isInstance(error)) throw error
      denials.push(error)
      log(`  generateText threw LimitExceededError: ${error.reason} of ${error.policy}`)
    }
    const stream = withAttribution({ user: 'k.herings', feature: 'faq' }, () => streamText({ model: claude, prompt, onError }))
    await stream.consumeStream()
    log(`  requests sent while denied: ${provider.requests.length - sentBefore}`)

    await finops.flush()
    log(`\n${costTable(records, finops.currency)}`)
    return { records, denials, providerRequests: provider.requests.length }
  } finally {
    await provider.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
