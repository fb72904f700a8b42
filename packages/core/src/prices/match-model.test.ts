import { describe, expect, it } from 'vitest'
import { matchesModel } from './match-model.js'

describe('matchesModel', () => {
  it('compares equals, starts_with, ends_with and contains case-insensitively', () => {
    expect(matchesModel({ equals: 'gpt-4o' }, 'GPT-4o')).toBe(true)
    expect(matchesModel({ starts_with: 'claude-sonnet-4-5' }, 'claude-sonnet-4-5-20250929')).toBe(true)
    expect(matchesModel({ ends_with: ':free' }, 'model:FREE')).toBe(true)
    expect(matchesModel({ contains: 'nova-sonic' }, 'amazon.nova-sonic-v1:0')).toBe(true)
    expect(matchesModel({ equals: 'gpt-4o' }, 'gpt-4o-mini')).toBe(false)
  })

  it('tests regexes against the lower-cased id and combines or/and', () => {
    expect(matchesModel({ regex: '^o[134]' }, 'O3-mini')).toBe(true)
    const gemini = { and: [{ starts_with: 'gemini-2.5-pro' }, { regex: '^(?!.*-[tT][tT][sS](?:$|-))' }] }
    expect(matchesModel(gemini, 'gemini-2.5-pro')).toBe(true)
    expect(matchesModel(gemini, 'gemini-2.5-pro-preview-tts')).toBe(false)
    expect(matchesModel({ or: [{ equals: 'a' }, { equals: 'b' }] }, 'b')).toBe(true)
  })
})
