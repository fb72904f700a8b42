import { describe, expect, it } from 'vitest'
import { jsonSchemaDefault } from './json-schema-default.js'

describe('jsonSchemaDefault', () => {
  it('fills required properties with a default of their type', () => {
    expect(
      jsonSchemaDefault({
        type: 'object',
        properties: {
          name: { type: 'string' },
          age: { type: 'integer', minimum: 18 },
          ok: { type: 'boolean' },
          tags: { type: 'array' },
          nickname: { type: ['null', 'string'] },
          optional: { type: 'string' },
        },
        required: ['name', 'age', 'ok', 'tags', 'nickname'],
      }),
    ).toEqual({ name: '', age: 18, ok: false, tags: [], nickname: null })
  })

  it('follows const, enum, anyOf and local $ref', () => {
    expect(
      jsonSchemaDefault({
        type: 'object',
        properties: {
          kind: { const: 'fixed' },
          color: { enum: ['red', 'blue'] },
          either: { anyOf: [{ type: 'number' }, { type: 'string' }] },
          address: { $ref: '#/$defs/address' },
        },
        required: ['kind', 'color', 'either', 'address'],
        $defs: { address: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } },
      }),
    ).toEqual({ kind: 'fixed', color: 'red', either: 0, address: { city: '' } })
  })

  it('stops at recursive references', () => {
    const schema = { $ref: '#' }
    expect(jsonSchemaDefault(schema)).toBeNull()
  })
})
