import { interleave, medianDifference, round4, summarizeClocks, withTarget } from './interleave.mjs'
import { cannedOpenAIFetch, CHAT_REQUEST } from './canned-openai.mjs'
import { benchPolicies, BENCH_ATTRIBUTION } from './bench-policies.mjs'

/** Bound of `wrapped-no-otel` on both clocks (issue #17). */
export const NO_OTEL_BOUND = 1.05

/**
 * The targets of an `openai<major>.chat.nonstream` scenario, by entry key (recorded as not met
 * when the scenario is skipped). `withInstrumentation`: the `otel-instrumentation` variant runs
 * (openai 6), so `wrapped-otel-no-policies` has a target against it.
 */
export function nonstreamTargets(name, withInstrumentation) {
  return {
    [`${name}.wrapped-no-otel`]: `≤ ${NO_OTEL_BOUND}× raw on CPU and wall time`,
    ...(withInstrumentation && { [`${name}.wrapped-otel-no-policies`]: "≤ otel-instrumentation's ratio on CPU and wall time" }),
    [`${name}.policies-added`]: 'µs the 3 policies add ≤ guards.memory.3-policies (µs)',
  }
}

/**
 * Issue #10 scenario 1, issue #17's reconciliation: one non-streamed `chat.completions.create` per
 * operation on `OpenAI` (a CommonJS `openai` of one major), answered by an in-process fetch,
 * variants interleaved, each batch timed on both clocks. Variants: the raw SDK; `withFinOps`
 * without an OTel SDK, without and with three matching policies on the memory store; the raw SDK
 * with the OTel SDK registered; `withFinOps` with the OTel SDK, without and with the policies; and
 * with `instrumentation` (openai 6 only), the raw SDK under `@opentelemetry/instrumentation-openai`.
 *
 * Entries are keyed `<name>.<variant>`, plus `<name>.policies-added`: the median per round of
 * what the policies add to a wrapped call without an OTel SDK (`addedUs`, CPU; `wallAddedUs`),
 * whose target bench/run.mjs checks against `guards.memory.3-policies`.
 */
export async function runNonstream({ name, OpenAI, version, sdk, instrumentation, quick, solo }) {
  const { createFinOps, memoryStore } = await import('@finops-ai/core')
  const { withFinOps } = await import('@finops-ai/openai')
  const client = () => new OpenAI({ apiKey: 'sk-bench', fetch: cannedOpenAIFetch(), maxRetries: 0 })
  const guardedEngine = () => createFinOps({ store: memoryStore(), policies: benchPolicies() })

  const raw = client()
  const wrapped = withFinOps(client(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const guarded = withFinOps(client(), { finops: guardedEngine(), attribution: BENCH_ATTRIBUTION })
  const traced = withFinOps(client(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const tracedGuarded = withFinOps(client(), { finops: guardedEngine(), attribution: BENCH_ATTRIBUTION })
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
    { name: 'wrapped-otel-no-policies', setup: withSdk, run: calls(traced) },
    { name: 'wrapped-otel', setup: withSdk, run: calls(tracedGuarded) },
  ]
  if (instrumentation !== undefined) {
    variants.push({
      name: 'otel-instrumentation',
      setup: () => {
        sdk.install()
        instrumentation.enable()
      },
      teardown: () => instrumentation.disable(),
      run: calls(instrumented),
    })
  }
  if (solo) variants = variants.filter((variant) => variant.name === solo)

  await verifySpans({ sdk, traced, instrumented, instrumentation })

  const samples = await interleave({ variants, ...(quick ? { rounds: 6, warmupRounds: 2, batch: 30 } : { rounds: 80, warmupRounds: 6, batch: 50 }) })
  await sdk.shutdown()

  const key = (variant) => `${name}.${variant}`
  const entries = {}
  for (const variant of samples.keys()) entries[key(variant)] = summarizeClocks(samples, variant, 'raw')
  const cpuAndWall = (entry, bound) => entry.ratio <= bound && entry.wallRatio <= bound
  if (entries[key('wrapped-no-otel')] && entries[key('raw')]) {
    const entry = entries[key('wrapped-no-otel')]
    entries[key('wrapped-no-otel')] = withTarget(entry, `≤ ${NO_OTEL_BOUND}× raw on CPU and wall time`, cpuAndWall(entry, NO_OTEL_BOUND))
  }
  const reference = entries[key('otel-instrumentation')]
  if (entries[key('wrapped-otel-no-policies')] && reference && entries[key('raw')]) {
    const entry = entries[key('wrapped-otel-no-policies')]
    entries[key('wrapped-otel-no-policies')] = withTarget(
      entry,
      `≤ otel-instrumentation's ratio on CPU and wall time (${round4(reference.ratio)}×, ${round4(reference.wallRatio)}×)`,
      entry.ratio <= reference.ratio && entry.wallRatio <= reference.wallRatio,
    )
  }
  if (samples.has('wrapped-policies-no-otel') && samples.has('wrapped-no-otel')) {
    entries[key('policies-added')] = {
      addedUs: medianDifference(samples.get('wrapped-policies-no-otel'), samples.get('wrapped-no-otel')),
      wallAddedUs: medianDifference(samples.wall.get('wrapped-policies-no-otel'), samples.wall.get('wrapped-no-otel')),
      unit: 'µs per call: wrapped-policies-no-otel − wrapped-no-otel, median over rounds',
    }
  }
  return { entries, info: { openaiVersion: version } }
}

/** Before measuring: `traced` and (with `instrumentation`) the instrumented client each produce exactly one span on the SDK. */
async function verifySpans({ sdk, traced, instrumented, instrumentation }) {
  sdk.install()
  await traced.chat.completions.create(CHAT_REQUEST)
  if (instrumentation !== undefined) {
    instrumentation.enable()
    await instrumented.chat.completions.create(CHAT_REQUEST)
    instrumentation.disable()
  }
  await sdk.tracerProvider.forceFlush()
  const names = sdk.spans.getFinishedSpans().map((span) => `${span.instrumentationScope.name}: ${span.name}`)
  sdk.uninstall()
  const finops = names.filter((name) => name.startsWith('@finops-ai/core'))
  const otel = names.filter((name) => name.startsWith('@opentelemetry/instrumentation-openai'))
  if (finops.length !== 1 || otel.length !== (instrumentation === undefined ? 0 : 1)) {
    throw new Error(`expected one finops-ai span${instrumentation === undefined ? '' : ' and one instrumentation span'}, got ${JSON.stringify(names)}`)
  }
}
