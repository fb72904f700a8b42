import { ConfigError, createFinOps, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { embed, generateImage, generateText } from 'ai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { fakeProviderModels } from './fake-provider-models.js'
import { withFinOps } from './with-finops.js'

let provider: FakeProvider
let models: ReturnType<typeof fakeProviderModels>
beforeAll(async () => {
  provider = await fakeProvider()
  models = fakeProviderModels(provider)
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

function engine() {
  const records: UsageRecord[] = []
  return { records, finops: createFinOps({ onUsage: (record) => void records.push(record) }) }
}

describe('withFinOps', () => {
  it('wraps a language, an embedding and an image model, with the client attribution', async () => {
    const { finops, records } = engine()
    const model = withFinOps(models.openai.chat('gpt-4o'), { finops, attribution: { team: 'support' } })
    const embedding = withFinOps(models.openai.embedding('text-embedding-3-small'), { finops, attribution: { team: 'search' } })
    const image = withFinOps(models.openai.image('gpt-image-1'), { finops, attribution: { team: 'design' } })
    expect([model.provider, model.modelId]).toEqual(['openai.chat', 'gpt-4o'])
    await generateText({ model, prompt: 'Hi there' })
    await embed({ model: embedding, value: 'Hi there' })
    await generateImage({ model: image, prompt: 'an otter' })
    await finops.flush()
    expect(records.map((record) => [record.operation, record.attribution])).toEqual([
      ['chat', { team: 'support' }],
      ['embeddings', { team: 'search' }],
      ['generate_content', { team: 'design' }],
    ])
  })

  it('returns a model it wrapped unchanged, so calls are not counted twice', async () => {
    const { finops, records } = engine()
    const model = withFinOps(models.anthropic('claude-haiku-4-5'), { finops })
    expect(withFinOps(model, { finops })).toBe(model)
    await generateText({ model: withFinOps(model), prompt: 'Hi there' })
    await finops.flush()
    expect(records).toHaveLength(1)
  })

  it('rejects a model id string, a model kind it does not meter and invalid attribution with a ConfigError naming the option', () => {
    const finops = createFinOps()
    const call = () => withFinOps('openai/gpt-4o' as unknown as Parameters<typeof withFinOps>[0], { finops })
    expect(call).toThrow(ConfigError)
    expect(call).toThrow("withFinOps.model: expected an AI SDK language, embedding or image model object such as openai('gpt-4o'), got the model id 'openai/gpt-4o'")
    // A transcription model of @ai-sdk/openai 4 has doStream, as language models do.
    const transcription = models.openai.transcription('whisper-1') as unknown as Parameters<typeof withFinOps>[0]
    const speech = models.openai.speech('tts-1') as unknown as Parameters<typeof withFinOps>[0]
    expect(() => withFinOps(speech, { finops })).toThrow("got a 'openai.speech' model, which finops-ai does not meter through the AI SDK")
    expect(() => withFinOps(transcription, { finops })).toThrow(
      "withFinOps.model: expected an AI SDK language, embedding or image model object such as openai('gpt-4o'), got a 'openai.transcription' model, which finops-ai does not meter through the AI SDK: send these calls with the provider SDK wrapped by @finops-ai/openai or @finops-ai/anthropic, or through the finops-ai gateway, so they are priced and counted",
    )
    expect(() => withFinOps(models.openai('gpt-4o'), { finops, attribution: { team: { id: 7 } as unknown as string } })).toThrow(
      'finopsMiddleware.attribution.team: expected a string, a finite number or a boolean, got object',
    )
    expect(() => withFinOps(models.openai('gpt-4o'), { finops: {} as typeof finops })).toThrow('finops: expected an engine created by createFinOps()')
  })
})
