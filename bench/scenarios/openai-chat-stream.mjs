import { createOtelSdk } from '../lib/otel-sdk.mjs'
import { interleave, summarizeClocks, withTarget } from '../lib/interleave.mjs'
import { cannedOpenAIFetch, CHAT_REQUEST } from '../lib/canned-openai.mjs'
import { loadInstrumentedOpenAI } from '../lib/openai-setup.mjs'
import { benchPolicies, BENCH_ATTRIBUTION } from '../lib/bench-policies.mjs'

const CHUNKS = 200

/**
 * Issue #10 scenario 2: a streamed `chat.completions.create` of 200 content chunks (plus the usage
 * chunk, which the wrapper asks for and hides), consumed with `for await`. Figures are µs per
 * content chunk: the whole call (request, parsing every SSE event, settlement) divided by 200,
 * so per-call overhead is included, amortised over the chunks.
 */
export const scenario = {
  name: 'openai6.chat.stream',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
    ['@finops-ai/openai', ['withFinOps']],
  ],
  targets: { 'openai6.chat.stream.wrapped-no-otel': 'per-chunk ≤ 1.02× raw' },
}

export async function run({ quick, solo }) {
  const { createFinOps, memoryStore } = await import('@finops-ai/core')
  const { withFinOps } = await import('@finops-ai/openai')
  const sdk = createOtelSdk()
  const { OpenAI, version, instrumentation } = loadInstrumentedOpenAI(sdk)
  const client = () => new OpenAI({ apiKey: 'sk-bench', fetch: cannedOpenAIFetch({ streamChunks: CHUNKS }), maxRetries: 0 })
  const request = { ...CHAT_REQUEST, stream: true }

  const raw = client()
  const wrapped = withFinOps(client(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const guarded = withFinOps(client(), { finops: createFinOps({ store: memoryStore(), policies: benchPolicies() }), attribution: BENCH_ATTRIBUTION })
  const instrumented = client()

  let seen = 0
  const streams = (target) => async (n) => {
    for (let index = 0; index < n; index++) {
      const stream = await target.chat.completions.create(request)
      for await (const chunk of stream) seen += chunk.choices.length
    }
  }
  const noSdk = () => sdk.uninstall()
  let variants = [
    { name: 'raw', setup: noSdk, run: streams(raw) },
    { name: 'wrapped-no-otel', setup: noSdk, run: streams(wrapped) },
    { name: 'wrapped-otel', setup: () => sdk.install(), run: streams(guarded) },
    {
      name: 'otel-instrumentation',
      setup: () => {
        sdk.install()
        instrumentation.enable()
      },
      teardown: () => instrumentation.disable(),
      run: streams(instrumented),
    },
  ]
  if (solo) variants = variants.filter((variant) => variant.name === solo)

  // The wrapper hides the usage chunk it asked for: callers see exactly the 200 content chunks.
  seen = 0
  await streams(wrapped)(1)
  if (seen !== CHUNKS) throw new Error(`wrapped stream yielded ${seen} choices, expected ${CHUNKS}`)

  const samples = await interleave({ variants, ...(quick ? { rounds: 6, warmupRounds: 2, batch: 4 } : { rounds: 30, warmupRounds: 4, batch: 20 }) })
  await sdk.shutdown()

  const perChunk = (values) => values.map((perCall) => perCall / CHUNKS)
  const chunkSamples = new Map([...samples].map(([name, values]) => [name, perChunk(values)]))
  chunkSamples.wall = new Map([...samples.wall].map(([name, values]) => [name, perChunk(values)]))
  const entries = {}
  for (const name of samples.keys()) entries[`${scenario.name}.${name}`] = { ...summarizeClocks(chunkSamples, name, 'raw'), unit: 'µs per chunk' }
  const key = `${scenario.name}.wrapped-no-otel`
  if (entries[key]) entries[key] = withTarget(entries[key], 'per-chunk ≤ 1.02× raw', entries[key].ratio <= 1.02)
  return { entries, info: { openaiVersion: version, chunks: CHUNKS } }
}
