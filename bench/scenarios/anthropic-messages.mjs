import { interleave, summarize } from '../lib/interleave.mjs'
import { cannedAnthropicFetch, MESSAGES_REQUEST } from '../lib/canned-anthropic.mjs'
import { benchPolicies, BENCH_ATTRIBUTION } from '../lib/bench-policies.mjs'
import { packageVersion } from '../lib/openai-setup.mjs'

const DELTAS = 200

/**
 * Issue #10 scenario 3: `messages.create` of `@anthropic-ai/sdk`, non-streamed (µs per call) and
 * streamed with 200 text deltas (µs per delta), raw vs `withFinOps` (no OTel SDK registered),
 * plus `withFinOps` with the three bench policies for context. No targets are set for it.
 */
export const scenario = {
  name: 'anthropic.messages',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
    ['@finops-ai/anthropic', ['withFinOps']],
  ],
}

export async function run({ quick, solo }) {
  const { createFinOps, memoryStore } = await import('@finops-ai/core')
  const { withFinOps } = await import('@finops-ai/anthropic')
  const { default: Anthropic } = await import('@anthropic-ai/sdk')
  const client = () => new Anthropic({ apiKey: 'sk-ant-bench', fetch: cannedAnthropicFetch({ streamDeltas: DELTAS }), maxRetries: 0 })
  const raw = client()
  const wrapped = withFinOps(client(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const guarded = withFinOps(client(), { finops: createFinOps({ store: memoryStore(), policies: benchPolicies() }), attribution: BENCH_ATTRIBUTION })

  const calls = (target) => async (n) => {
    for (let index = 0; index < n; index++) await target.messages.create(MESSAGES_REQUEST)
  }
  let seen = 0
  const streams = (target) => async (n) => {
    for (let index = 0; index < n; index++) {
      const stream = await target.messages.create({ ...MESSAGES_REQUEST, stream: true })
      for await (const event of stream) if (event.type === 'content_block_delta') seen++
    }
  }
  seen = 0
  await streams(wrapped)(1)
  if (seen !== DELTAS) throw new Error(`wrapped stream yielded ${seen} deltas, expected ${DELTAS}`)

  const pick = (variants) => (solo ? variants.filter((variant) => variant.name === solo) : variants)
  const entries = {}
  const nonstream = await interleave({
    variants: pick([
      { name: 'raw', run: calls(raw) },
      { name: 'wrapped-no-otel', run: calls(wrapped) },
      { name: 'wrapped-policies-no-otel', run: calls(guarded) },
    ]),
    ...(quick ? { rounds: 6, warmupRounds: 2, batch: 30 } : { rounds: 30, warmupRounds: 5, batch: 100 }),
  })
  for (const [name, values] of nonstream) entries[`anthropic.messages.nonstream.${name}`] = summarize(values, name === 'raw' ? undefined : nonstream.get('raw'))

  const stream = await interleave({
    variants: pick([
      { name: 'raw', run: streams(raw) },
      { name: 'wrapped-no-otel', run: streams(wrapped) },
      { name: 'wrapped-policies-no-otel', run: streams(guarded) },
    ]),
    ...(quick ? { rounds: 6, warmupRounds: 2, batch: 4 } : { rounds: 30, warmupRounds: 4, batch: 20 }),
  })
  const perDelta = (values) => values.map((perCall) => perCall / DELTAS)
  for (const [name, values] of stream) {
    entries[`anthropic.messages.stream.${name}`] = { ...summarize(perDelta(values), name === 'raw' ? undefined : perDelta(stream.get('raw'))), unit: 'µs per delta' }
  }
  return { entries, info: { anthropicSdkVersion: packageVersion('@anthropic-ai/sdk'), deltas: DELTAS } }
}
