import { pathToFileURL } from 'node:url'
import { createFinOps, LimitExceededError, withAttribution, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { finopsChatAnthropic, finopsChatOpenAI, finopsOpenAIEmbeddings } from '@finops-ai/langchain'
import { fakeProvider } from '@finops-ai/testing'
import { tool } from '@langchain/core/tools'
import { z } from 'zod'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /** Where the engine's GenAI spans go. Default: the global OpenTelemetry tracer provider. */
  tracerProvider?: FinOpsOptions['tracerProvider']
}

/** What {@link run} did, for the smoke test. */
export interface RunReport {
  /** One usage record per model call, in the order the calls ended. */
  records: UsageRecord[]
  /** The denial the last chat surfaced. */
  denial: LimitExceededError | undefined
  /** Requests the fake provider received. */
  providerRequests: number
}

const lookupOrder = tool(async ({ orderId }) => `order ${orderId} ships today`, {
  name: 'lookup_order',
  description: 'Looks an order up by its id',
  schema: z.object({ orderId: z.string() }),
})

const Triage = z.object({ urgent: z.boolean(), summary: z.string() })

/**
 * The demo: LangChain's `ChatOpenAI`, `ChatAnthropic` and `OpenAIEmbeddings` built with
 * `@finops-ai/langchain`, against the built-in fake provider. Plain, streamed, tool-bound,
 * structured and batched calls inside attribution scopes each print their usage record; then a
 * chat over a per-user request rate (two triage calls a minute) is denied once, at once, although
 * LangChain retries failed calls 6 times by default.
 */
export async function run({ log = console.log, tracerProvider }: RunOptions = {}): Promise<RunReport> {
  const provider = await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider,
    attribution: { required: ['team', 'feature'], onMissing: 'warn' },
    policies: [{ key: 'triage-rate', match: { feature: 'support-triage' }, per: 'user', limits: { requests_per_minute: 2 } }],
    onUsage: (record) => {
      records.push(record)
      const cost = record.cost === null ? '-' : `${record.cost.amount.toFixed(8)} ${record.cost.currency}`
      log(`  ${record.status} ${record.provider} ${record.operation} ${record.model} feature=${record.attribution.feature} cost=${cost}`)
    },
  })
  const attribution = { team: 'customer-support' }
  const gpt = finopsChatOpenAI({ model: 'gpt-4o-mini', apiKey: 'no-key-needed', configuration: { baseURL: provider.openaiBaseURL } }, { finops, attribution })
  const claude = finopsChatAnthropic({ model: 'claude-haiku-4-5', apiKey: 'no-key-needed', anthropicApiUrl: provider.anthropicBaseURL }, { finops, attribution })
  const embeddings = finopsOpenAIEmbeddings(
    { model: 'text-embedding-3-small', apiKey: 'no-key-needed', configuration: { baseURL: provider.openaiBaseURL } },
    { finops, attribution },
  )
  const question = 'My parcel was due on Monday and has not arrived'

  try {
    log(`fake provider at ${provider.url}\n`)

    log('1. ChatOpenAI: invoke, then stream')
    await withAttribution({ user: 'k.herings', feature: 'support-chat' }, async () => {
      await gpt.invoke(question)
      let text = ''
      for await (const chunk of await gpt.stream(question)) text += String(chunk.content)
      log(`  streamed ${text.split(' ').length} words`)
    })

    log('2. a tool-bound and a structured-output model, derived from the same ChatOpenAI')
    await withAttribution({ user: 'a.lovelace', feature: 'support-triage' }, async () => {
      const reply = await gpt.bindTools([lookupOrder]).invoke('Where is order 42?')
      log(`  tool call: ${reply.tool_calls?.[0]?.name}`)
      const triage = await gpt.withStructuredOutput(Triage).invoke(question)
      log(`  structured: urgent=${triage.urgent}`)
    })

    log('3. ChatAnthropic: a batch of two questions, then a stream')
    await withAttribution({ feature: 'support-summary' }, async () => {
      await claude.batch([question, 'Summarise the ticket in one line'])
      for await (const chunk of await claude.stream(question)) void chunk
    })

    log('4. OpenAIEmbeddings for ticket search')
    await withAttribution({ feature: 'ticket-search' }, () => embeddings.embedDocuments(['parcel delayed', 'refund request']))

    log('5. a third triage a minute for one user: denied once, before sending, not retried')
    let denial: LimitExceededError | undefined
    try {
      await withAttribution({ user: 'a.lovelace', feature: 'support-triage' }, () => gpt.invoke(question))
    } catch (error) {
      if (!LimitExceededError.isInstance(error)) throw error
      denial = error
      log(`  denied: ${error.reason} of ${error.policy}`)
    }

    await finops.flush()
    const total = records.reduce((sum, record) => sum + (record.cost?.amount ?? 0), 0)
    log(`\n${records.length} calls, ${provider.requests.length} requests sent, total ${total.toFixed(8)} ${finops.currency}`)
    return { records, denial, providerRequests: provider.requests.length }
  } finally {
    await provider.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
