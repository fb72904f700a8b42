import { describe, expect, it } from 'vitest'
import { createPriceBook } from '@finops-ai/core'
import { createSiblingLookup, DEFAULT_MODEL_SIBLINGS } from './model-siblings.js'

describe('DEFAULT_MODEL_SIBLINGS', () => {
  it('names models the bundled price data knows, each sibling cheaper on input and output', () => {
    const book = createPriceBook()
    for (const [model, sibling] of Object.entries(DEFAULT_MODEL_SIBLINGS)) {
      const provider = model.startsWith('claude') ? 'anthropic' : 'openai'
      const expensive = book.resolve(provider, model)
      const cheap = book.resolve(provider, sibling)
      expect(expensive?.source, model).toMatch(/^genai-prices/)
      expect(cheap?.source, sibling).toMatch(/^genai-prices/)
      const [high, low] = [expensive!.unitRates(1000), cheap!.unitRates(1000)]
      expect(low.input, `${sibling} input`).toBeLessThan(high.input)
      expect(low.output, `${sibling} output`).toBeLessThan(high.output)
    }
  })

  it('matches dated snapshots but not other models of the family', () => {
    const siblingOf = createSiblingLookup(DEFAULT_MODEL_SIBLINGS)
    expect(siblingOf('claude-sonnet-4-5-20250929')).toBe('claude-haiku-4-5')
    expect(siblingOf('gpt-4o-2024-08-06')).toBe('gpt-4o-mini')
    expect(siblingOf('GPT-4o')).toBe('gpt-4o-mini')
    expect(siblingOf('gpt-4o-mini')).toBeUndefined()
    expect(siblingOf('claude-sonnet-4-7')).toBeUndefined()
  })
})
