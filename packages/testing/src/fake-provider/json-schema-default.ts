type Schema = Record<string, unknown>

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function resolveReference(reference: string, root: Schema): unknown {
  if (!reference.startsWith('#')) return undefined
  let target: unknown = root
  for (const part of reference.slice(1).split('/')) {
    if (part === '') continue
    if (!isSchema(target)) return undefined
    target = target[part.replaceAll('~1', '/').replaceAll('~0', '~')]
  }
  return target
}

/**
 * A value valid for a simple JSON schema: `const` or the first `enum` value when given; otherwise
 * by type — object with every required property filled, `''`, `0`, `false`, `[]` or `null`.
 * `$ref` (local), `anyOf`/`oneOf`/`allOf` take their first branch; type lists their first type.
 */
export function jsonSchemaDefault(schema: unknown, root: unknown = schema, depth = 0): unknown {
  if (!isSchema(schema) || depth > 32) return null
  const rootSchema = isSchema(root) ? root : schema
  if ('const' in schema) return schema.const
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return schema.enum[0]
  if (typeof schema.$ref === 'string') {
    return jsonSchemaDefault(resolveReference(schema.$ref, rootSchema), rootSchema, depth + 1)
  }
  for (const key of ['anyOf', 'oneOf', 'allOf']) {
    const branches = schema[key]
    if (Array.isArray(branches) && branches.length > 0) {
      return jsonSchemaDefault(branches[0], rootSchema, depth + 1)
    }
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type
  switch (type) {
    case 'string':
      return ''
    case 'number':
    case 'integer':
      return typeof schema.minimum === 'number' ? schema.minimum : 0
    case 'boolean':
      return false
    case 'array':
      return []
    case 'null':
      return null
    default: {
      const result: Record<string, unknown> = {}
      const properties = isSchema(schema.properties) ? schema.properties : {}
      const required = Array.isArray(schema.required) ? schema.required : []
      for (const name of required) {
        if (typeof name === 'string') result[name] = jsonSchemaDefault(properties[name], rootSchema, depth + 1)
      }
      return result
    }
  }
}
