import { pathToFileURL } from 'node:url'
import { createFinOps, LimitExceededError, withAttribution, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import { OpenAI as LlamaOpenAI, OpenAIEmbedding } from '@llamaindex/openai'
import OpenAI from 'openai'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /** Set to call the real OpenAI API instead of the built-in fake provider. Default: env `OPENAI_API_KEY`. */
  apiKey?: string
  /** Where the engine's GenAI spans go. Default: the global OpenTelemetry tracer provider. */
  tracerProvider?: FinOpsOptions['tracerProvider']
}

/** What {@link run} did, for the smoke test. */
export interface RunReport {
  /** One usage record per model call, in the order the calls ended. */
  records: UsageRecord[]
  /** The denial the last chat surfaced. */
  denial: LimitExceededError | undefined
  /** Requests the fake provider received (0 when calling the real API). */
  providerRequests: number
}

/**
 * The demo: LlamaIndex.TS's OpenAI LLM given a `withFinOps`-wrapped `openai` client as its
 * `session` (and its embedding model the same client). A chat, a streamed chat and an embedding
 * inside attribution scopes, then a chat stopped by a policy, each printing its usage record.
 */
export async function run({ log = console.log, apiKey = process.env.OPENAI_API_KEY, tracerProvider }: RunOptions = {}): Promise<RunReport> {
  const provider = apiKey ? undefined : await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider,
    attribution: { required: ['team', 'feature'], onMissing: 'warn' },
    policies: [{ key: 'faq-rate', match: { feature: 'faq' }, limits: { requests_per_minute: 1 } }],
    onUsage: (record) => {
      records.push(record)
      const cost = record.cost === null ? '-' : `${record.cost.amount.toFixed(8)} ${record.cost.currency}`
      log(`  ${record.status} ${record.operation} ${record.model} team=${record.attribution.team} feature=${record.attribution.feature} cost=${cost}`)
    },
  })
  const client = new OpenAI(provider ? { apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL } : { apiKey })
  // In this repository `@finops-ai/openai` is type-checked against openai 7 (its dev dependency) while
  // @llamaindex/openai 0.4 takes openai 5's client, a class type of another copy. An application
  // with one `openai` (5.x) writes `withFinOps(client, ...)` without the cast.
  const session: OpenAI = withFinOps(client as never, { finops, attribution: { team: 'knowledge-base' } })
  const llm = new LlamaOpenAI({ model: 'gpt-4o-mini', maxTokens: 64, session })
  const embedding = new OpenAIEmbedding({ model: 'text-embedding-3-small', session })
  const question = [{ role: 'user' as const, content: 'How do I reset my password?' }]

  try {
    log('1. a chat inside an attribution scope')
    const reply = await withAttribution({ user: 'k.herings', feature: 'docs-qa' }, () => llm.chat({ messages: question }))
    log(`  answer: ${String(reply.message.content).slice(0, 40)}...`)

    log('2. a streamed chat')
    await withAttribution({ user: 'a.lovelace', feature: 'docs-qa' }, async () => {
      let text = ''
      for await (const chunk of await llm.chat({ messages: question, stream: true })) text += chunk.delta
      log(`  streamed ${text.split(' ').length} words`)
    })

    log('3. an embedding of the question, for retrieval')
    const vector = await withAttribution({ feature: 'docs-index' }, () => embedding.getTextEmbedding('How do I reset my password?'))
    log(`  ${vector.length} dimensions`)

    log('4. a policy allows one faq request per minute: the second chat is stopped before sending')
    let denial: LimitExceededError | undefined
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        await withAttribution({ feature: 'faq' }, () => llm.chat({ messages: question }))
      } catch (error) {
        if (!LimitExceededError.isInstance(error)) throw error
        denial = error
        log(`  denied: ${error.reason} of ${error.policy}`)
      }
    }

    await finops.flush()
    return { records, denial, providerRequests: provider?.requests.length ?? 0 }
  } finally {
    await provider?.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
