import { describe, expect, it } from 'vitest'
import { isSiblingMatch, matchesModel, matchingRule } from './match-model.js'

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

describe('isSiblingMatch', () => {
  it('flags a prefix rule that matched a newer version of the model', () => {
    const sonnet5 = { or: [{ equals: 'claude-sonnet-5' }, { starts_with: 'claude-sonnet-5' }] }
    expect(isSiblingMatch(matchingRule(sonnet5, 'claude-sonnet-5')!, 'claude-sonnet-5')).toBe(false)
    expect(isSiblingMatch(matchingRule(sonnet5, 'claude-sonnet-5-5')!, 'claude-sonnet-5-5')).toBe(true)
    expect(isSiblingMatch({ starts_with: 'claude-sonnet-5' }, 'claude-sonnet-5.1')).toBe(true)
  })

  it('treats dated snapshots, -latest and version suffixes as the same model', () => {
    expect(isSiblingMatch({ starts_with: 'claude-sonnet-5' }, 'claude-sonnet-5-20260101')).toBe(false)
    expect(isSiblingMatch({ starts_with: 'claude-sonnet-4-2025' }, 'claude-sonnet-4-20250514')).toBe(false)
    expect(isSiblingMatch({ starts_with: 'claude-3-5-haiku' }, 'claude-3-5-haiku-latest')).toBe(false)
    expect(isSiblingMatch({ starts_with: 'gpt-4.5-preview' }, 'gpt-4.5-preview-2025-02-27')).toBe(false)
    expect(isSiblingMatch({ equals: 'gpt-4o' }, 'gpt-4o')).toBe(false)
  })
})
