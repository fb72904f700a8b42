import { describe, expect, it } from 'vitest'
import { escapeKeyPart, redisKeys } from './redis-keys.js'

const tricky = ['a:b', 'a%003ab', 'a', 'a:', ':a', '{x}', '{', '}', 'x}{y', 'é', 'e\u0301', '日本', '\ud800', '\udc00', '%', '%%', '', ' ', 'a'.repeat(256), 'a'.repeat(255) + 'b']

describe('redis key names', () => {
  it('escapes components injectively: distinct values never share a key', () => {
    const escaped = tricky.map(escapeKeyPart)
    expect(new Set(escaped).size).toBe(tricky.length)
  })

  it('leaves no separator or hash-tag character in an escaped component', () => {
    for (const value of tricky) expect(escapeKeyPart(value)).toMatch(/^[A-Za-z0-9_.~/=@+%-]*$/)
  })

  it('keeps readable counter keys readable', () => {
    expect(escapeKeyPart('support-rag/user=k.herings')).toBe('support-rag/user=k.herings')
    expect(escapeKeyPart('team:rpm')).toBe('team%003arpm')
  })

  it('starts every key with the {prefix} hash tag, escaped so a prefix cannot break it', () => {
    const keys = redisKeys('tenant}{x')
    expect(keys.tag).toBe('{tenant%007d%007bx}')
    for (const key of [keys.window('a'), keys.concurrency('a'), keys.budget('a'), keys.budgetLeases('a'), keys.breaker('a'), keys.breakerState('a'), keys.reservation('a'), keys.charge('a'), keys.outputs('a')]) {
      expect(key.startsWith(`${keys.tag}:`)).toBe(true)
    }
  })

  it('separates counter kinds: the same counter key names different Redis keys per kind', () => {
    const keys = redisKeys('finops')
    const names = [keys.window('k'), keys.concurrency('k'), keys.budget('k'), keys.budgetLeases('k'), keys.breaker('k'), keys.breakerState('k'), keys.reservation('k'), keys.charge('k'), keys.outputs('k')]
    expect(new Set(names).size).toBe(names.length)
  })
})
