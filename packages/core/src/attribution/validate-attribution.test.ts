import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { MAX_ATTRIBUTION_VALUE_LENGTH, validateAttribution } from './validate-attribution.js'

describe('validateAttribution', () => {
  it('returns a frozen copy without unset keys', () => {
    const result = validateAttribution({ team: 'a', user: undefined }, 'x')
    expect(result).toEqual({ team: 'a' })
    expect(Object.isFrozen(result)).toBe(true)
  })

  it('strips control characters', () => {
    expect(validateAttribution({ user: 'a\nb\u0000c\u009f' }, 'x')).toEqual({ user: 'abc' })
  })

  it('keeps unicode and separators untouched', () => {
    expect(validateAttribution({ user: 'ünï/cødé:{tag}|x' }, 'x')).toEqual({ user: 'ünï/cødé:{tag}|x' })
  })

  it.each([
    [{ user: '' }, 'x.user: expected a non-empty string'],
    [{ user: '\n' }, 'x.user: expected a non-empty string'],
    [{ user: 'a'.repeat(MAX_ATTRIBUTION_VALUE_LENGTH + 1) }, 'x.user: value is 257 characters long; the limit is 256'],
    [{ 'bad key': 'v' }, 'x.bad key: attribution keys must start with a letter'],
    [{ team: ['a'] }, 'x.team: expected a string, a finite number or a boolean, got an array'],
    [{ team: { id: 1 } }, 'x.team: expected a string, a finite number or a boolean, got object'],
    [{ user: Number.NaN }, 'x.user: expected a string, a finite number or a boolean, got NaN'],
    [{ user: Number.POSITIVE_INFINITY }, 'x.user: expected a string, a finite number or a boolean, got Infinity'],
    [null, 'x: expected an object of attribution keys, got null'],
  ])('rejects %j', (input, message) => {
    expect(() => validateAttribution(input, 'x')).toThrow(ConfigError)
    expect(() => validateAttribution(input, 'x')).toThrow(message)
  })

  it('accepts finite numbers and booleans as their string form', () => {
    expect(validateAttribution({ user: 42, run: 1.5, beta: true, legacy: false }, 'x')).toEqual({ user: '42', run: '1.5', beta: 'true', legacy: 'false' })
  })

  it('accepts a value of exactly the maximum length', () => {
    const value = 'a'.repeat(MAX_ATTRIBUTION_VALUE_LENGTH)
    expect(validateAttribution({ user: value }, 'x').user).toBe(value)
  })
})
