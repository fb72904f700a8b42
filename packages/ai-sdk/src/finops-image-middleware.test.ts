import { createFinOps, LimitExceededError, withAttribution, type PolicyConfig, type UsageRecord } from '@finops-ai/core'
import { generateImage, wrapImageModel } from 'ai'
import { describe, expect, it } from 'vitest'
import type { ImageGenerateResult } from './ai-sdk-types.js'
import { useFakeProviderRig } from './fake-provider-rig.js'
import { finopsImageMiddleware } from './finops-image-middleware.js'
import { readImageResult } from './read-image-result.js'

// gpt-image-1 (openai.com/api/pricing, read 2026-12-02): text input $5, image input $10, image
// output $40 per million tokens, i.e. 5 000, 10 000 and 40 000 nano-USD per token.
const TEXT_INPUT_NANOS = 5_000
const IMAGE_INPUT_NANOS = 10_000
const IMAGE_OUTPUT_NANOS = 40_000
// OpenAI's published output tokens of a 1024×1024 image (image generation guide): low 272, high 4160.
const LOW_SQUARE_IMAGE_TOKENS = 272

const rig = useFakeProviderRig()

function setup(policies: PolicyConfig[] = []) {
  const records: UsageRecord[] = []
  const finops = createFinOps({ policies, tracerProvider: rig.telemetry.tracerProvider, onUsage: (record) => void records.push(record) })
  const model = wrapImageModel({ model: rig.models.openai.image('gpt-image-1'), middleware: finopsImageMiddleware({ finops, attribution: { team: 'design' } }) })
  return { finops, records, model }
}

const lowQuality = { openai: { quality: 'low' } }

describe('finopsImageMiddleware', () => {
  it('generateImage: one usage record and one span, text input and image output tokens at their own prices', async () => {
    const { finops, records, model } = setup()
    // 5 prompt words: 5 text input tokens for the fake provider; 2 low-quality square images.
    const result = await withAttribution({ feature: 'avatars' }, () => generateImage({ model, prompt: 'an otter in a beret', n: 2, providerOptions: lowQuality }))
    expect(result.images).toHaveLength(2)
    await finops.flush()
    expect(records).toHaveLength(1)
    expect(records[0]).toMatchObject({
      provider: 'openai',
      operation: 'generate_content',
      model: 'gpt-image-1',
      status: 'ok',
      estimated: false,
      attribution: { team: 'design', feature: 'avatars' },
      usage: { inputTokens: 5, outputTokens: 2 * LOW_SQUARE_IMAGE_TOKENS, outputImageTokens: 2 * LOW_SQUARE_IMAGE_TOKENS },
    })
    expect(records[0]?.cost?.usdNanos).toBe(5 * TEXT_INPUT_NANOS + 2 * LOW_SQUARE_IMAGE_TOKENS * IMAGE_OUTPUT_NANOS)
    const spans = rig.telemetry.genAiSpans()
    expect(spans.map((span) => span.name)).toEqual(['generate_content gpt-image-1'])
    expect(spans[0]?.attributes).toMatchObject({
      'gen_ai.output.type': 'image',
      'gen_ai.request.max_tokens': 2 * LOW_SQUARE_IMAGE_TOKENS,
      'gen_ai.usage.output_tokens': 2 * LOW_SQUARE_IMAGE_TOKENS,
      'team.name': 'design',
    })
  })

  it('reserves the image tokens of the requested images: a budget they do not fit denies before anything is sent', async () => {
    // 1 high-quality image reserves 4160 × $40 / 1M ≈ $0.166; 1 low-quality one ≈ $0.011.
    const { finops, records, model } = setup([{ key: 'design', limits: { budget: { period: 'daily', hard_limit_usd: 0.05 } } }])
    const failure = await generateImage({ model, prompt: 'an otter', providerOptions: { openai: { quality: 'high' } } }).catch((error: unknown) => error)
    expect(LimitExceededError.isInstance(failure)).toBe(true)
    expect(rig.provider.requests).toHaveLength(0)
    await generateImage({ model, prompt: 'an otter', providerOptions: lowQuality })
    await finops.flush()
    expect(records.map((record) => record.status)).toEqual(['denied', 'ok'])
  })

  it('prices an edit as OpenAI bills it: text and image input tokens apart', async () => {
    const { finops, records, model } = setup()
    const png = Uint8Array.from(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64'))
    await generateImage({ model, prompt: { text: 'add a beret', images: [png] }, providerOptions: lowQuality })
    await finops.flush()
    // The fake provider: 3 text tokens (words) and 194 image tokens per input image; 272 output tokens.
    expect(records[0]?.usage).toMatchObject({ inputTokens: 197, inputImageTokens: 194, outputTokens: LOW_SQUARE_IMAGE_TOKENS })
    expect(records[0]?.cost?.usdNanos).toBe(3 * TEXT_INPUT_NANOS + 194 * IMAGE_INPUT_NANOS + LOW_SQUARE_IMAGE_TOKENS * IMAGE_OUTPUT_NANOS)
  })
})

describe('readImageResult', () => {
  const result = (fields: Partial<ImageGenerateResult>): ImageGenerateResult =>
    ({ images: [], warnings: [], response: { timestamp: new Date(0), modelId: 'gpt-image-1', headers: undefined }, ...fields }) as ImageGenerateResult

  it('sums the input image tokens the AI SDK spreads over the images of an edit', () => {
    const read = readImageResult(
      result({
        usage: { inputTokens: 400, outputTokens: 1056, totalTokens: 1456 },
        providerMetadata: { openai: { images: [{ imageTokens: 194, textTokens: 3 }, { imageTokens: 194, textTokens: 3 }] } },
      }),
      10,
    )
    expect(read).toEqual({ responseModel: 'gpt-image-1', usage: { inputTokens: 400, inputImageTokens: 388, outputTokens: 1056, outputImageTokens: 1056 } })
  })


  it('settles the input estimate, flagged, for a model that reports no usage (billed per image)', () => {
    expect(readImageResult(result({}), 10)).toEqual({ responseModel: 'gpt-image-1', usage: { inputTokens: 10, outputTokens: 0 }, estimated: true })
  })
})
