import { interleave, round3, summarize } from '../lib/interleave.mjs'
import { CHAT_MESSAGES, CHAT_MODEL, cannedOpenAIFetch } from '../lib/canned-openai.mjs'
import { benchPolicies, BENCH_ATTRIBUTION } from '../lib/bench-policies.mjs'
import { packageVersion } from '../lib/openai-setup.mjs'

const CHUNKS = 200

/**
 * Issue #15: the overhead of `@finops-ai/ai-sdk` per AI SDK call. `generateText` and `streamText`
 * (200 text chunks, read to the end) on an `@ai-sdk/openai` chat model answered by an in-process
 * fetch, the unwrapped model vs `withFinOps(model)` (no OTel SDK registered), plus `withFinOps`
 * with the three bench policies on the memory store. Each wrapped entry also gives the added
 * µs per call (median of the variant minus median of the unwrapped model, same run). The
 * `isolated.*` entries isolate the middleware's own work from the AI SDK's: `wrapGenerate` /
 * `wrapStream` called directly around a `doGenerate` / `doStream` that answers at once (a canned
 * result, a 200-part stream), against calling those directly. No targets.
 */
export const scenario = {
  name: 'ai-sdk.middleware',
  requires: [
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
    ['@finops-ai/ai-sdk', ['withFinOps', 'finopsMiddleware']],
  ],
}

export async function run({ quick, solo }) {
  const { createFinOps, memoryStore } = await import('@finops-ai/core')
  const { finopsMiddleware, withFinOps } = await import('@finops-ai/ai-sdk')
  const { generateText, streamText } = await import('ai')
  const { createOpenAI } = await import('@ai-sdk/openai')
  const model = () => createOpenAI({ apiKey: 'sk-bench', fetch: cannedOpenAIFetch({ streamChunks: CHUNKS }) }).chat(CHAT_MODEL)
  const raw = model()
  const wrapped = withFinOps(model(), { finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const guarded = withFinOps(model(), { finops: createFinOps({ store: memoryStore(), policies: benchPolicies() }), attribution: BENCH_ATTRIBUTION })
  const request = { system: CHAT_MESSAGES[0].content, prompt: CHAT_MESSAGES[1].content, maxOutputTokens: 256, maxRetries: 0 }

  const generations = (target) => async (n) => {
    for (let index = 0; index < n; index++) await generateText({ model: target, ...request })
  }
  const streams = (target) => async (n) => {
    for (let index = 0; index < n; index++) await streamText({ model: target, ...request }).consumeStream()
  }
  await checkUsage(createFinOps, withFinOps, model, generateText, streamText, request)

  const pick = (variants) => (solo ? variants.filter((variant) => variant.name === solo) : variants)
  const entries = {}
  const record = (kind, samples) => {
    const baseline = samples.get('raw')
    for (const [name, values] of samples) {
      const entry = summarize(values, name === 'raw' ? undefined : baseline)
      if (name !== 'raw' && baseline !== undefined) entry.figure = `+${round3(entry.medianUs - summarize(baseline).medianUs)} µs per call`
      entries[`${scenario.name}.${kind}.${name}`] = entry
    }
  }
  record(
    'generate',
    await interleave({
      variants: pick([
        { name: 'raw', run: generations(raw) },
        { name: 'wrapped-no-otel', run: generations(wrapped) },
        { name: 'wrapped-policies-no-otel', run: generations(guarded) },
      ]),
      ...(quick ? { rounds: 6, warmupRounds: 2, batch: 30 } : { rounds: 40, warmupRounds: 5, batch: 50 }),
    }),
  )
  record(
    'stream',
    await interleave({
      variants: pick([
        { name: 'raw', run: streams(raw) },
        { name: 'wrapped-no-otel', run: streams(wrapped) },
        { name: 'wrapped-policies-no-otel', run: streams(guarded) },
      ]),
      ...(quick ? { rounds: 6, warmupRounds: 2, batch: 4 } : { rounds: 30, warmupRounds: 4, batch: 10 }),
    }),
  )
  const { generate, stream } = cannedModelCalls()
  const plain = finopsMiddleware({ finops: createFinOps(), attribution: BENCH_ATTRIBUTION })
  const policed = finopsMiddleware({ finops: createFinOps({ store: memoryStore(), policies: benchPolicies() }), attribution: BENCH_ATTRIBUTION })
  const direct = (kind) => async (n) => {
    for (let index = 0; index < n; index++) await drain(kind === 'generate' ? await generate.doGenerate() : await stream.doStream())
  }
  const through = (middleware, kind) => async (n) => {
    for (let index = 0; index < n; index++) {
      await drain(kind === 'generate' ? await middleware.wrapGenerate(generate) : await middleware.wrapStream(stream))
    }
  }
  for (const kind of ['generate', 'stream']) {
    record(
      `isolated.${kind}`,
      await interleave({
        variants: pick([
          { name: 'raw', run: direct(kind) },
          { name: 'wrapped-no-otel', run: through(plain, kind) },
          { name: 'wrapped-policies-no-otel', run: through(policed, kind) },
        ]),
        ...(quick ? { rounds: 6, warmupRounds: 2, batch: 200 } : { rounds: 40, warmupRounds: 5, batch: kind === 'generate' ? 2000 : 200 }),
      }),
    )
  }
  return { entries, info: { aiVersion: packageVersion('ai'), aiSdkOpenAIVersion: packageVersion('@ai-sdk/openai'), streamChunks: CHUNKS } }
}

/** Before measuring: a wrapped call really settles one usage record, streamed or not. */
async function checkUsage(createFinOps, withFinOps, model, generateText, streamText, request) {
  const records = []
  const finops = createFinOps({ onUsage: (usage) => records.push(usage) })
  await generateText({ model: withFinOps(model(), { finops }), ...request })
  await streamText({ model: withFinOps(model(), { finops }), ...request }).consumeStream()
  await finops.flush()
  const outputs = records.map((usage) => usage.usage.outputTokens)
  if (outputs.length !== 2 || outputs[0] !== 12 || outputs[1] !== CHUNKS) throw new Error(`expected usage records of 12 and ${CHUNKS} output tokens, got ${JSON.stringify(outputs)}`)
}

/**
 * The options `wrapGenerate` / `wrapStream` receive for the bench request, with a `doGenerate` that
 * resolves a canned result and a `doStream` that resolves a fresh stream of `CHUNKS` text deltas
 * and a `finish` part: only the middleware's own work is left to measure.
 */
function cannedModelCalls() {
  const usage = (output) => ({ inputTokens: { total: 31, noCache: 31, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: output, text: output, reasoning: undefined } })
  const result = {
    content: [{ type: 'text', text: 'Your order #4711 left our warehouse today.' }],
    finishReason: { unified: 'stop', raw: 'stop' },
    usage: usage(12),
    response: { id: 'chatcmpl-bench', modelId: 'gpt-4o-mini-2024-07-18' },
    warnings: [],
  }
  const parts = [
    { type: 'stream-start', warnings: [] },
    { type: 'response-metadata', id: 'chatcmpl-bench', modelId: 'gpt-4o-mini-2024-07-18' },
    ...Array.from({ length: CHUNKS }, () => ({ type: 'text-delta', id: '0', delta: 'word ' })),
    { type: 'finish', finishReason: { unified: 'stop', raw: 'stop' }, usage: usage(CHUNKS) },
  ]
  const params = {
    prompt: [
      { role: 'system', content: CHAT_MESSAGES[0].content },
      { role: 'user', content: [{ type: 'text', text: CHAT_MESSAGES[1].content }] },
    ],
    maxOutputTokens: 256,
  }
  const model = { provider: 'openai.chat', modelId: CHAT_MODEL }
  const doGenerate = async () => result
  const doStream = async () => ({
    stream: new ReadableStream({
      start(controller) {
        for (const part of parts) controller.enqueue(part)
        controller.close()
      },
    }),
  })
  const options = { doGenerate, doStream, params, model }
  return { generate: options, stream: options }
}

/** Reads a stream result to its end; a generate result needs nothing. */
async function drain(result) {
  if (result.stream === undefined) return
  const reader = result.stream.getReader()
  while (!(await reader.read()).done);
}
