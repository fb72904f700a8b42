// Diagnostic (not part of `pnpm bench`): where the wrapper's per-call cost over the raw SDK goes,
// for openai6.chat.nonstream without an OTel SDK. Each variant adds one layer to the raw call:
//   node --expose-gc bench/lib/run-scenario.mjs bench/diagnostics/openai-overhead-breakdown.mjs
import { interleave, summarize } from '../lib/interleave.mjs'
import { cannedOpenAIFetch, CHAT_REQUEST } from '../lib/canned-openai.mjs'
import { createOtelSdk } from '../lib/otel-sdk.mjs'
import { loadInstrumentedOpenAI } from '../lib/openai-setup.mjs'
import { BENCH_ATTRIBUTION } from '../lib/bench-policies.mjs'
import { benchCallRequest, BENCH_CALL_RESULT } from '../lib/call-path-request.mjs'

export const scenario = {
  name: 'diagnostics.openai-overhead',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'observeAPIPromise', 'callPathOf']],
    ['@finops-ai/openai', ['withFinOps']],
  ],
}

export async function run({ quick }) {
  const { createFinOps, observeAPIPromise, callPathOf } = await import('@finops-ai/core')
  const { withFinOps } = await import('@finops-ai/openai')
  const { OpenAI } = loadInstrumentedOpenAI(createOtelSdk())
  const client = () => new OpenAI({ apiKey: 'sk-bench', fetch: cannedOpenAIFetch(), maxRetries: 0 })
  const raw = client()
  const wrapped = withFinOps(client(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const path = callPathOf(createFinOps())
  const request = benchCallRequest()
  const noop = { data: (data) => data, error() {}, raw() {} }
  const loop = (one) => async (n) => {
    for (let index = 0; index < n; index++) await one()
  }
  const variants = [
    { name: 'raw', run: loop(() => raw.chat.completions.create(CHAT_REQUEST)) },
    { name: 'raw+thenUnwrap', run: loop(() => raw.chat.completions.create(CHAT_REQUEST)._thenUnwrap((data) => data)) },
    { name: 'raw+observeAPIPromise(noop)', run: loop(() => observeAPIPromise(raw.chat.completions.create(CHAT_REQUEST), noop)) },
    {
      name: 'raw+engine(begin,succeed)',
      run: loop(async () => {
        const handle = path.begin(request)
        const data = await raw.chat.completions.create(CHAT_REQUEST)
        handle.succeed(BENCH_CALL_RESULT)
        return data
      }),
    },
    { name: 'wrapped-no-otel', run: loop(() => wrapped.chat.completions.create(CHAT_REQUEST)) },
  ]
  const samples = await interleave({ variants, ...(quick ? { rounds: 6, warmupRounds: 2, batch: 30 } : { rounds: 40, warmupRounds: 5, batch: 100 }) })
  const entries = {}
  for (const [name, values] of samples) entries[`${scenario.name}.${name}`] = summarize(values, name === 'raw' ? undefined : samples.get('raw'))
  return { entries }
}
