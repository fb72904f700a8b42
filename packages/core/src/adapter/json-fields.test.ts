import { describe, expect, it } from 'vitest'
import { numberField, objectField, stringField } from './json-fields.js'

describe('json fields', () => {
  it('reads finite numbers only', () => {
    expect(numberField(3)).toBe(3)
    expect(numberField(0)).toBe(0)
    expect(numberField(Number.NaN)).toBeUndefined()
    expect(numberField(Infinity)).toBeUndefined()
    expect(numberField('3')).toBeUndefined()
    expect(numberField(null)).toBeUndefined()
  })

  it('reads non-empty strings only', () => {
    expect(stringField('end_turn')).toBe('end_turn')
    expect(stringField('')).toBeUndefined()
    expect(stringField(1)).toBeUndefined()
  })

  it('reads plain objects only, returning the same object', () => {
    const usage = { input_tokens: 1 }
    expect(objectField(usage)).toBe(usage)
    expect(objectField([])).toBeUndefined()
    expect(objectField(null)).toBeUndefined()
    expect(objectField('x')).toBeUndefined()
  })
})
