import { describe, expect, it } from 'vitest'
import { jsonOrText } from './read-output-type.js'

describe('jsonOrText', () => {
  it('is json for json_object and json_schema formats, text for any other or none', () => {
    expect(jsonOrText({ type: 'json_object' })).toBe('json')
    expect(jsonOrText({ type: 'json_schema', json_schema: { name: 'x', schema: {} } })).toBe('json')
    expect(jsonOrText({ type: 'text' })).toBe('text')
    expect(jsonOrText(undefined)).toBe('text')
  })
})
