import { pathToFileURL } from 'node:url'
import { createFinOps, LimitExceededError, withAttribution } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { startOtlpReceiver, type ReceivedMetric, type ReceivedSpan } from './otlp-json-receiver.js'
import { startTelemetry } from './start-telemetry.js'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /**
   * OTLP/HTTP endpoint of a collector or backend, e.g. `http://localhost:4318`. Default: env
   * `OTEL_EXPORTER_OTLP_ENDPOINT`; without it a local receiver is started and what it receives is printed.
   */
  endpoint?: string
  /** Set to call the real OpenAI API instead of the built-in fake provider. Default: env `OPENAI_API_KEY`. */
  apiKey?: string
}

/** What the local receiver got (empty when an external endpoint was used). */
export interface RunResult {
  spans: ReceivedSpan[]
  metrics: ReceivedMetric[]
  /** `POST /v1/... content-type` of each export request. */
  requests: string[]
}

/**
 * The demo: the OpenTelemetry Node SDK exports over OTLP/HTTP; an application with a wrapped OpenAI
 * client makes five calls — attributed chat, a stream, embeddings, one denied by a budget, one
 * without a feature — and shuts the SDK down, which exports the spans and the metrics.
 */
export async function run({
  log = console.log,
  endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT,
  apiKey = process.env.OPENAI_API_KEY,
}: RunOptions = {}): Promise<RunResult> {
  const receiver = endpoint ? undefined : await startOtlpReceiver()
  const provider = apiKey ? undefined : await fakeProvider()
  const telemetry = startTelemetry({ endpoint: receiver?.url ?? endpoint!, serviceName: 'otlp-export-demo' })
  try {
    log(`exporting OTLP/HTTP to ${receiver ? `a local receiver at ${receiver.url}` : endpoint}; ${provider ? 'fake provider' : 'real OpenAI API'}\n`)
    // No tracerProvider or meterProvider here: the engine uses the global ones NodeSDK registered.
    const finops = createFinOps({
      currency: 'EUR',
      exchangeRates: { EUR: 0.86 },
      attribution: { required: ['team', 'feature'], onMissing: 'warn' },
      policies: [{ key: 'summary-budget', match: { feature: 'ticket-summary' }, limits: { budget: { period: 'daily', hard_limit_eur: 0.000001 } } }],
    })
    const openai = withFinOps(new OpenAI(provider ? { apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL } : { apiKey }), { finops })
    const messages = [{ role: 'user' as const, content: 'Where is my parcel? It was due on Monday.' }]

    await withAttribution({ user: 'k.herings', team: 'customer-support', feature: 'support-rag', costCenter: 'CC-4711' }, async () => {
      await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 64 })
      const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 64, stream: true })
      for await (const chunk of stream) void chunk
    })
    await withAttribution({ team: 'search', feature: 'ticket-search' }, () =>
      openai.embeddings.create({ model: 'text-embedding-3-small', input: ['parcel delayed', 'refund request'] }),
    )
    try {
      await withAttribution({ team: 'customer-support', feature: 'ticket-summary' }, () =>
        openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 64 }),
      )
    } catch (error) {
      if (!LimitExceededError.isInstance(error)) throw error
      log(`denied: ${error.reason} of ${error.policy}`)
    }
    await withAttribution({ team: 'customer-support' }, () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 }))
    await finops.flush()
  } finally {
    await telemetry.shutdown()
    await provider?.close()
    await receiver?.close()
  }
  if (receiver === undefined) return { spans: [], metrics: [], requests: [] }

  log(`received ${receiver.spans.length} spans:`)
  for (const span of receiver.spans) {
    const shown = ['enduser.id', 'team.name', 'feature.name', 'gen_ai.usage.input_tokens', 'gen_ai.usage.output_tokens', 'finops.cost.amount', 'finops.cost.currency', 'error.type']
    const attributes = shown.filter((name) => span.attributes[name] !== undefined).map((name) => `${name}=${String(span.attributes[name])}`)
    log(`  "${span.name}" ${attributes.join(' ')}`)
  }
  log(`received ${receiver.metrics.length} metrics:`)
  for (const metric of receiver.metrics) log(`  ${metric.name} (${metric.type}, ${metric.unit}): ${metric.points.length} data points`)
  return { spans: receiver.spans, metrics: receiver.metrics, requests: receiver.requests }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
