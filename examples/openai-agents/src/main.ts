import { pathToFileURL } from 'node:url'
import { createFinOps, LimitExceededError, withAttribution, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import { Agent, OpenAIProvider, run as runAgent, Runner, setDefaultOpenAIClient, setTracingDisabled, tool } from '@openai/agents'
import OpenAI from 'openai'
import { z } from 'zod'

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
  /** The denial the last run surfaced. */
  denial: LimitExceededError | undefined
  /** Requests the fake provider received (0 when calling the real API). */
  providerRequests: number
}

const model = 'gpt-4o-mini'

const lookUpOrder = tool({
  name: 'look_up_order',
  description: 'Finds the delivery status of an order.',
  parameters: z.object({ orderId: z.string() }),
  execute: ({ orderId }) => `Order ${orderId || 'unknown'} left the warehouse on Monday.`,
})

/**
 * The demo: the OpenAI Agents SDK running on a `withFinOps`-wrapped OpenAI client, set as the SDK's
 * default client before the first run. An agent with a tool, a streamed run, a second client given
 * through a model provider, and a run stopped by a policy, each printing its usage records.
 */
export async function run({ log = console.log, apiKey = process.env.OPENAI_API_KEY, tracerProvider }: RunOptions = {}): Promise<RunReport> {
  // The Agents SDK exports its own traces to OpenAI by default; this demo keeps everything local.
  setTracingDisabled(true)
  const provider = apiKey ? undefined : await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider,
    attribution: { required: ['team', 'feature'], onMissing: 'warn' },
    policies: [{ key: 'nightly-digest', match: { feature: 'nightly-digest' }, limits: { requests_per_minute: 1 } }],
    onUsage: (record) => {
      records.push(record)
      const cost = record.cost === null ? '-' : `${record.cost.amount.toFixed(8)} ${record.cost.currency}`
      log(`  ${record.status} ${record.operation} ${record.model} team=${record.attribution.team} feature=${record.attribution.feature} cost=${cost}`)
    },
  })
  const client = () => new OpenAI(provider ? { apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL } : { apiKey })

  // Set the wrapped client BEFORE the first run: the SDK's default provider keeps the client it
  // finds on its first run (see late-default-client.ts).
  setDefaultOpenAIClient(withFinOps(client(), { finops, attribution: { team: 'customer-support' } }))
  const support = new Agent({ name: 'Support', instructions: 'Answer delivery questions.', model, tools: [lookUpOrder] })

  try {
    log('1. an agent run with a tool call round trip (two model calls)')
    const answer = await withAttribution({ user: 'k.herings', feature: 'support-agent' }, () => runAgent(support, 'Where is order 4711?'))
    log(`  final output: ${String(answer.finalOutput).slice(0, 40)}...`)

    log('2. a streamed run')
    await withAttribution({ user: 'a.lovelace', feature: 'support-agent' }, async () => {
      const stream = await runAgent(new Agent({ name: 'Greeter', model }), 'Say hello.', { stream: true })
      let text = ''
      for await (const delta of stream.toTextStream()) text += delta
      await stream.completed
      log(`  streamed ${text.split(' ').length} words`)
    })

    log('3. a second client, for another team, through a model provider on a Runner')
    const research = new Runner({
      modelProvider: new OpenAIProvider({ openAIClient: withFinOps(client(), { finops, attribution: { team: 'research' } }) }),
    })
    await withAttribution({ feature: 'market-scan' }, () => research.run(new Agent({ name: 'Analyst', model }), 'Summarise the market.'))

    log('4. a policy allows one nightly-digest request per minute: the second run is stopped before sending')
    let denial: LimitExceededError | undefined
    for (const night of ['first', 'second']) {
      try {
        await withAttribution({ feature: 'nightly-digest' }, () => runAgent(new Agent({ name: 'Digest', model }), `Write the ${night} digest.`))
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
