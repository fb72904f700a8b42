import { pathToFileURL } from 'node:url'
import {
  createFinOps,
  LimitExceededError,
  withAttribution,
  type Attribution,
  type FinOpsEvent,
  type PolicyConfig,
  type UsageRecord,
} from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { describePolicy } from './describe-policy.js'
import { formatAmount } from './format-amount.js'
import { SpanLineExporter } from './span-line-exporter.js'
import { usageTable, type DemoCall } from './usage-table.js'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /** Set to call the real OpenAI API instead of the built-in fake provider. Default: env `OPENAI_API_KEY`. */
  apiKey?: string
}

const currency = 'EUR'
const eurPerUsd = 0.86
const policies: PolicyConfig[] = [
  {
    key: 'support-budget',
    match: { team: 'customer-support' },
    limits: { budget: { period: 'monthly', soft_limit: 0.0001, hard_limit: 5 } },
  },
  { key: 'per-user-rate', per: 'user', limits: { requests_per_minute: 3 } },
]

/** One line for an engine event, with the figures that explain it. */
function describeEvent(event: FinOpsEvent): string {
  switch (event.type) {
    case 'soft_limit':
      return `event soft_limit on ${event.policy}: spent and reserved ${formatAmount(event.spent)} ${event.currency} reached the soft limit of ${formatAmount(event.softLimit)} ${event.currency}`
    case 'limit_exceeded':
      return `event limit_exceeded on ${event.policy}: ${event.reason} limit ${event.limit}, current ${event.current}`
    case 'attribution_missing':
      return `event attribution_missing: required key(s) ${event.missing.join(', ')} not set; the call is tagged unallocated`
    default:
      return `event ${event.type}${event.policy ? ` on ${event.policy}` : ''}`
  }
}

/**
 * The demo: an application whose OpenAI client is wrapped with `withFinOps`, making attributed
 * calls under two policies (a team budget in EUR and a per-user request rate). It prints the
 * policies first, then each call with its API and attribution, a line per span and engine event
 * as they happen, why each denied call was denied, and at the end a table of every call with
 * attribution, tokens and cost. Returns the calls.
 */
export async function run({ log = console.log, apiKey = process.env.OPENAI_API_KEY }: RunOptions = {}): Promise<DemoCall[]> {
  const provider = apiKey ? undefined : await fakeProvider()
  const records: UsageRecord[] = []
  const calls: DemoCall[] = []
  const finops = createFinOps({
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(new SpanLineExporter(log))] }),
    currency,
    exchangeRates: { EUR: eurPerUsd },
    attribution: { required: ['team', 'feature'], onMissing: 'warn' },
    policies,
    onUsage: (record) => void records.push(record),
    onEvent: (event) => log(`  ${describeEvent(event)}`),
  })
  const openai = withFinOps(new OpenAI(provider ? { apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL } : { apiKey }), {
    finops,
    attribution: { team: 'customer-support' },
  })
  const messages = [{ role: 'user' as const, content: 'Where is my parcel? It was due on Monday.' }]

  /** Makes one numbered call under `attribution` and keeps its usage record with the API it used. */
  async function call(api: string, attribution: Attribution, send: () => Promise<unknown>): Promise<void> {
    const scope = Object.entries(attribution).map(([key, value]) => `${key}=${value}`)
    log(`  #${calls.length + 1} ${api}${scope.length > 0 ? ` (${scope.join(', ')})` : ''}`)
    try {
      await withAttribution(attribution, send)
    } finally {
      await finops.flush()
      const record = records[calls.length]
      if (record) calls.push({ api, record })
    }
  }

  /** Why a call was denied: the limit, the current count and the earlier calls in the window that used it up. */
  function explainDenial(error: LimitExceededError, user: string): string {
    const earlier = calls
      .map((earlierCall, index) => ({ ...earlierCall, number: index + 1 }))
      .filter(({ record }) => record.attribution.user === user && record.status !== 'denied')
      .map(({ number, api }) => `#${number} ${api}`)
    const retry = error.retryAfterMs === undefined ? 'no retry can succeed' : `retry in ${Math.ceil(error.retryAfterMs / 1000)} s`
    return (
      `  denied before sending: ${error.reason} of ${error.policy}: limit ${error.limit}, current ${error.current} ` +
      `(used by ${earlier.join(', ')} in the last minute); ${retry}`
    )
  }

  try {
    log(
      provider
        ? `finops-ai demo: an OpenAI client wrapped with withFinOps(), calling the keyless fake provider at ${provider.url} (set OPENAI_API_KEY to call the real API)`
        : 'finops-ai demo: an OpenAI client wrapped with withFinOps(), calling the real OpenAI API',
    )
    log(`Amounts are in ${currency}, the engine currency (1 USD = ${eurPerUsd} ${currency}); the final total is also given exactly in USD.`)
    log('Required attribution: team, feature (a call missing one still runs and is tagged unallocated).')
    log('Policies:')
    for (const policy of policies) log(`  ${describePolicy(policy, currency)}`)

    log('\n1. a chat completion inside an attribution scope')
    await call('chat.completions', { user: 'k.herings', feature: 'support-rag', costCenter: 'CC-4711' }, () =>
      openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 64 }),
    )

    log('\n2. a streamed answer: the usage chunk is requested and hidden from the loop')
    await call('chat.completions (stream)', { user: 'a.lovelace', feature: 'support-rag' }, async () => {
      const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 64, stream: true })
      let text = ''
      for await (const chunk of stream) text += chunk.choices[0]?.delta.content ?? ''
      log(`  streamed ${text.split(' ').length} words`)
    })

    log('\n3. embeddings and the Responses API, attributed to other features (a Responses call\'s span is named "chat", its GenAI operation)')
    await call('embeddings', { feature: 'ticket-search' }, () =>
      openai.embeddings.create({ model: 'text-embedding-3-small', input: ['parcel delayed', 'refund request'] }),
    )
    await call('Responses API', { user: 'k.herings', feature: 'ticket-summary' }, () =>
      openai.responses.create({ model: 'gpt-4o-mini', input: 'Summarise: parcel late, customer upset.', max_output_tokens: 64 }),
    )

    log('\n4. k.herings goes over the per-user request rate (3/min): the extra calls are stopped before anything is sent')
    for (let attempt = 1; attempt <= 3; attempt++) {
      try {
        await call('chat.completions', { user: 'k.herings', feature: 'support-rag' }, () =>
          openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 }),
        )
      } catch (error) {
        if (!LimitExceededError.isInstance(error)) throw error
        log(explainDenial(error, 'k.herings'))
      }
    }

    log('\n5. a call without a feature is tagged unallocated')
    await call('chat.completions', {}, () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 }))

    const spend = await finops.spend({ policy: 'support-budget' })
    const coverage = finops.coverage()
    log(`\n${usageTable(calls, finops.currency)}`)
    const limit = spend.hardLimit === null ? 'no hard limit' : `a hard limit of ${formatAmount(spend.hardLimit)} ${spend.currency}`
    const remaining = spend.remaining === null ? '' : `, remaining ${formatAmount(spend.remaining)} ${spend.currency}`
    log(`support-budget: spent ${formatAmount(spend.spent)} ${spend.currency} this month of ${limit}${remaining}`)
    log(`attribution coverage: ${coverage.calls.unallocated} of ${coverage.calls.total} calls sent were unallocated`)
    return calls
  } finally {
    await provider?.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
