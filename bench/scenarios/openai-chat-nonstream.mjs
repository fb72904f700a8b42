import { createOtelSdk } from '../lib/otel-sdk.mjs'
import { interleave, summarize, withTarget, round4 } from '../lib/interleave.mjs'
import { cannedOpenAIFetch, CHAT_REQUEST } from '../lib/canned-openai.mjs'
import { loadInstrumentedOpenAI } from '../lib/openai-setup.mjs'
import { benchPolicies, BENCH_ATTRIBUTION } from '../lib/bench-policies.mjs'

/**
 * Issue #10 scenario 1: one non-streamed `chat.completions.create` per operation, answered by an
 * in-process fetch. Variants: the raw SDK; `withFinOps` without an OTel SDK (a); `withFinOps` with
 * the OTel SDK and three matching policies on the memory store (b); the raw SDK under
 * `@opentelemetry/instrumentation-openai` on the same SDK (c); plus two for context.
 */
export const scenario = {
  name: 'openai.chat.nonstream',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
    ['@finops-ai/openai', ['withFinOps']],
  ],
  targets: {
    'openai.chat.nonstream.wrapped-no-otel': '≤ 1.03× raw',
    'openai.chat.nonstream.wrapped-otel': "≤ 1.10× raw and below otel-instrumentation's ratio",
  },
}

export async function run({ quick, solo }) {
  const { createFinOps, memoryStore } = await import('@finops-ai/core')
  const { withFinOps } = await import('@finops-ai/openai')
  const sdk = createOtelSdk()
  const { OpenAI, version, instrumentation } = loadInstrumentedOpenAI(sdk)
  const client = () => new OpenAI({ apiKey: 'sk-bench', fetch: cannedOpenAIFetch(), maxRetries: 0 })

  const raw = client()
  const wrapped = withFinOps(client(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const guarded = withFinOps(client(), {
    finops: createFinOps({ store: memoryStore(), policies: benchPolicies() }),
    attribution: BENCH_ATTRIBUTION,
  })
  const instrumented = client()

  const calls = (target) => async (n) => {
    for (let index = 0; index < n; index++) await target.chat.completions.create(CHAT_REQUEST)
  }
  const noSdk = () => sdk.uninstall()
  const withSdk = () => sdk.install()
  let variants = [
    { name: 'raw', setup: noSdk, run: calls(raw) },
    { name: 'wrapped-no-otel', setup: noSdk, run: calls(wrapped) },
    { name: 'wrapped-policies-no-otel', setup: noSdk, run: calls(guarded) },
    { name: 'raw-otel-sdk', setup: withSdk, run: calls(raw) },
    { name: 'wrapped-otel', setup: withSdk, run: calls(guarded) },
    {
      name: 'otel-instrumentation',
      setup: () => {
        sdk.install()
        instrumentation.enable()
      },
      teardown: () => instrumentation.disable(),
      run: calls(instrumented),
    },
  ]
  if (solo) variants = variants.filter((variant) => variant.name === solo)

  await verifySpans({ sdk, guarded, instrumented, instrumentation })

  const samples = await interleave({ variants, ...(quick ? { rounds: 6, warmupRounds: 2, batch: 30 } : { rounds: 80, warmupRounds: 6, batch: 50 }) })
  await sdk.shutdown()

  const baseline = samples.get('raw')
  const entries = {}
  for (const [name, values] of samples) entries[`${scenario.name}.${name}`] = summarize(values, name === 'raw' ? undefined : baseline)
  const key = (name) => `${scenario.name}.${name}`
  if (entries[key('wrapped-no-otel')]) {
    const entry = entries[key('wrapped-no-otel')]
    entries[key('wrapped-no-otel')] = withTarget(entry, '≤ 1.03× raw', entry.ratio <= 1.03)
  }
  if (entries[key('wrapped-otel')] && entries[key('otel-instrumentation')]) {
    const entry = entries[key('wrapped-otel')]
    const instrumentationRatio = entries[key('otel-instrumentation')].ratio
    entries[key('wrapped-otel')] = withTarget(
      entry,
      `≤ 1.10× raw and below otel-instrumentation's ratio (${round4(instrumentationRatio)}×)`,
      entry.ratio <= 1.1 && entry.ratio < instrumentationRatio,
    )
  }
  return {
    entries,
    info: {
      openaiVersion: version,
      openaiVersionReason:
        '@opentelemetry/instrumentation-openai 0.22.0 supports openai ">=4.19.0 <7"; @finops-ai/openai supports ">=5 <8"; the highest overlap is openai 6.x, so every variant of this scenario runs on the same openai ' +
        version,
    },
  }
}

/** Before measuring: (b) and (c) really produce their spans on the SDK, (a) none. */
async function verifySpans({ sdk, guarded, instrumented, instrumentation }) {
  const { CHAT_REQUEST: request } = await import('../lib/canned-openai.mjs')
  sdk.install()
  await guarded.chat.completions.create(request)
  instrumentation.enable()
  await instrumented.chat.completions.create(request)
  instrumentation.disable()
  await sdk.tracerProvider.forceFlush()
  const names = sdk.spans.getFinishedSpans().map((span) => `${span.instrumentationScope.name}: ${span.name}`)
  sdk.uninstall()
  const finops = names.filter((name) => name.startsWith('@finops-ai/core'))
  const otel = names.filter((name) => name.startsWith('@opentelemetry/instrumentation-openai'))
  if (finops.length !== 1 || otel.length !== 1) throw new Error(`expected one finops-ai span and one instrumentation span, got ${JSON.stringify(names)}`)
}
