import { pathToFileURL } from 'node:url'
import { createFinOps, LimitExceededError, withAttribution, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { SpanLineExporter } from './span-line-exporter.js'
import { usageTable } from './usage-table.js'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /** Set to call the real OpenAI API instead of the built-in fake provider. Default: env `OPENAI_API_KEY`. */
  apiKey?: string
}

/**
 * The demo: an application whose OpenAI client is wrapped with `withFinOps`, making attributed
 * calls under two policies (a team budget in EUR and a per-user request rate), printing a line per
 * span as calls end and, at the end, a table of every call with attribution, tokens and cost.
 */
export async function run({ log = console.log, apiKey = process.env.OPENAI_API_KEY }: RunOptions = {}): Promise<UsageRecord[]> {
  const provider = apiKey ? undefined : await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new SpanLineExporter(log))] }),
    currency: 'EUR',
    exchangeRates: { EUR: 0.86 },
    attribution: { required: ['team', 'feature'], onMissing: 'warn' },
    policies: [
      {
        key: 'support-budget',
        match: { team: 'customer-support' },
        limits: { budget: { period: 'monthly', soft_limit_eur: 0.0001, hard_limit_eur: 5 } },
      },
      { key: 'per-user-rate', per: 'user', limits: { requests_per_minute: 3 } },
    ],
    onUsage: (record) => void records.push(record),
    onEvent: (event) => log(`  event ${event.type}${event.policy ? ` policy=${event.policy}` : ''}`),
  })
  const openai = withFinOps(new OpenAI(provider ? { apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL } : { apiKey }), {
    finops,
    attribution: { team: 'customer-support' },
  })
  const messages = [{ role: 'user' as const, content: 'Where is my parcel? It was due on Monday.' }]

  try {
    log(provider ? `fake provider at ${provider.url} (set OPENAI_API_KEY to call the real API)\n` : 'calling the real OpenAI API\n')

    log('1. a chat completion inside an attribution scope')
    await withAttribution({ user: 'k.herings', feature: 'support-rag', costCenter: 'CC-4711' }, () =>
      openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 64 }),
    )

    log('2. a streamed answer: the usage chunk is requested and hidden from the loop')
    await withAttribution({ user: 'a.lovelace', feature: 'support-rag' }, async () => {
      const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 64, stream: true })
      let text = ''
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
      log(`  streamed ${text.split(' ').length} words`)
    })

    log('3. embeddings and the Responses API, attributed to other features')
    await withAttribution({ feature: 'ticket-search' }, () =>
      openai.embeddings.create({ model: 'text-embedding-3-small', input: ['parcel delayed', 'refund request'] }),
    )
    await withAttribution({ user: 'k.herings', feature: 'ticket-summary' }, () =>
      openai.responses.create({ model: 'gpt-4o-mini', input: 'Summarise: parcel late, customer upset.', max_output_tokens: 64 }),
    )

    log('4. one user over the per-user request rate (3/min) is stopped before anything is sent')
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await withAttribution({ user: 'k.herings', feature: 'support-rag' }, () =>
          openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 }),
        )
      } catch (error) {
        if (!LimitExceededError.isInstance(error)) throw error
        log(`  denied: ${error.reason} of ${error.policy}, retry in ${Math.ceil((error.retryAfterMs ?? 0) / 1000)} s`)
      }
    }

    log('5. a call without a feature is tagged unallocated')
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 })

    await finops.flush()
    const spend = await finops.spend({ policy: 'support-budget' })
    const coverage = finops.coverage()
    log(`\n${usageTable(records, finops.currency)}`)
    log(
      `support-budget: spent ${spend.spent.toFixed(6)} of ${spend.hardLimit} ${spend.currency} this month, ` +
        `remaining ${spend.remaining?.toFixed(6)}; ${coverage.calls.unallocated} of ${coverage.calls.total} calls sent were unallocated`,
    )
    return records
  } finally {
    await provider?.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
