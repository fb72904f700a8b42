import { describe, expect, it } from 'vitest'
import { modelKey } from './model-key.js'

describe('modelKey', () => {
  it('drops dated snapshot suffixes of both providers', () => {
    expect(modelKey('gpt-4o-2024-08-06')).toBe('gpt-4o')
    expect(modelKey('claude-sonnet-4-5-20250929')).toBe('claude-sonnet-4-5')
  })

  it('keeps names without a date, version numbers included', () => {
    expect(modelKey('gpt-4o-mini')).toBe('gpt-4o-mini')
    expect(modelKey('claude-3-5-haiku-latest')).toBe('claude-3-5-haiku-latest')
    expect(modelKey('gpt-4-0613')).toBe('gpt-4-0613')
  })
})
