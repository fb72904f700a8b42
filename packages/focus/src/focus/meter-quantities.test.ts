import { createPriceBook } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { meterQuantities } from './meter-quantities.js'
import { probeMeterRates } from './probe-meter-rates.js'

const book = createPriceBook()

describe('meterQuantities', () => {
  it('splits image usage as core prices it: uncached text, image, cached image, image output', () => {
    const image = book.resolve('openai', 'gpt-image-1.5')!
    const usage = { inputTokens: 2000, cacheReadTokens: 500, inputImageTokens: 1000, cacheReadImageTokens: 300, outputTokens: 4400, outputImageTokens: 4160 }
    expect(meterQuantities(usage, probeMeterRates(image, usage.inputTokens))).toEqual([
      { meter: 'input-image', quantity: 700 },
      { meter: 'input', quantity: 800, audioTokens: 0 },
      { meter: 'cached-input', quantity: 200 },
      { meter: 'cached-input-image', quantity: 300 },
      { meter: 'output-image', quantity: 4160 },
      { meter: 'output', quantity: 240, reasoningTokens: 0, audioTokens: 0 },
    ])
  })

  it('keeps subtypes priced like their parent inside it and adds seconds and tool calls when charged', () => {
    const gpt5 = book.resolve('openai', 'gpt-5')!
    const usage = { inputTokens: 1000, outputTokens: 500, reasoningTokens: 300, fileSearchCalls: 2, codeInterpreterSessions: 1 }
    expect(meterQuantities(usage, probeMeterRates(gpt5, 1000))).toEqual([
      { meter: 'input', quantity: 1000, audioTokens: 0 },
      { meter: 'output', quantity: 500, reasoningTokens: 300, audioTokens: 0 },
      { meter: 'file-search', quantity: 2 },
      { meter: 'code-interpreter-session', quantity: 1 },
    ])
    const whisper = book.resolve('openai', 'whisper-1')!
    expect(meterQuantities({ inputTokens: 0, outputTokens: 0, audioSeconds: 61 }, probeMeterRates(whisper, 0))).toEqual([{ meter: 'audio-second', quantity: 61 }])
  })
})
