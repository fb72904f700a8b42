import { readFileSync } from 'node:fs'

/** What this module reads of a zod 4 schema: its definition (`type`, `shape`, `innerType`, `in`). */
interface AnySchema {
  _zod: { def: unknown }
}
const definition = (schema: AnySchema) => schema._zod.def as Record<string, unknown>

/** Unwraps `optional`, `pipe` (its input side) and `default` until an object, record or leaf remains. */
function unwrap(schema: AnySchema): AnySchema {
  for (;;) {
    const def = definition(schema)
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') schema = def.innerType as AnySchema
    else if (def.type === 'pipe') schema = def.in as AnySchema
    else return schema
  }
}

/** A field of an object schema: its dotted path, and whether it is a record parsed by a transform (`budget`, `circuit_breaker`). */
export interface ObjectField {
  path: string
  transformedRecord: boolean
}

/** The fields of a (strict) object schema, nested objects expanded as `parent.child`. */
export function objectFields(schema: AnySchema, prefix = ''): ObjectField[] {
  const def = definition(unwrap(schema))
  if (def.type !== 'object') return []
  return Object.entries(def.shape as Record<string, AnySchema>).flatMap(([name, field]) => {
    const path = `${prefix}${name}`
    const nested = objectFields(field, `${path}.`)
    if (nested.length > 0) return nested
    return [{ path, transformedRecord: definition(unwrap(field)).type === 'record' && hasPipe(field) }]
  })
}

function hasPipe(schema: AnySchema): boolean {
  for (;;) {
    const def = definition(schema)
    if (def.type === 'pipe') return true
    if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') schema = def.innerType as AnySchema
    else return false
  }
}

/**
 * The fields a `z.record(...).transform(...)` schema reads, found in the source of its `const`
 * definition (a record schema cannot list its keys): the field names of its `consumed` set, `currency`
 * when it calls `readCurrency`, and each `readMoney(raw, /^name(?:_([A-Za-z]{3}))?...$/)` pattern,
 * spelled `name_<cur>...`.
 */
export function recordTransformFields(sourcePath: string, constName: string): { plain: string[]; money: string[] } {
  const source = readFileSync(sourcePath, 'utf8')
  const start = source.indexOf(`const ${constName} = `)
  if (start < 0) throw new Error(`no 'const ${constName} =' in ${sourcePath}`)
  const end = source.indexOf('\n})\n', start)
  const body = source.slice(start, end < 0 ? undefined : end)
  const plain = [...body.matchAll(/new Set\(\[([^\]]*)\]\)/g)].flatMap((match) => [...match[1]!.matchAll(/'([^']+)'/g)].map((name) => name[1]!))
  if (body.includes('readCurrency(')) plain.push('currency')
  const money = [...body.matchAll(/readMoney\(\s*raw,\s*\/(.+?)\/,/g)].map((match) =>
    match[1]!.replace(/^\^/, '').replace(/\$$/, '').replace('(?:_([A-Za-z]{3}))?', '_<cur>'),
  )
  return { plain, money }
}

/** The first-column field names (in backticks) of the Markdown table under `heading`. */
export function tableFields(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`\n${heading}\n`)
  if (start < 0) return []
  const rest = markdown.slice(start + heading.length + 2)
  const next = rest.search(/\n#{1,6} /)
  const section = next < 0 ? rest : rest.slice(0, next)
  return section
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .flatMap((line) => [...(line.split('|')[1] ?? '').matchAll(/`([^`]+)`/g)].map((match) => match[1]!))
}
