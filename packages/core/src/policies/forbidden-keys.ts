import type { ConfigIssue } from '../errors/config-error.js'

/** Keys that name `Object.prototype` machinery: as a `match:` or `per:` key they would silently widen a policy's scope. */
const forbidden = new Set(['__proto__', 'constructor', 'prototype'])

function isPlainPrototype(value: object): boolean {
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null || prototype === Array.prototype
}

/**
 * One issue per `__proto__`, `constructor` or `prototype` key anywhere in a raw policy document
 * (JSON and YAML parsers keep `__proto__` as an own key; a schema would drop it and load
 * `match: { __proto__: x }` as `match: {}`, a policy for every call), and per object whose prototype
 * was replaced (an object literal `{ __proto__: x }` in code). Also `per:` values with these names.
 */
export function forbiddenKeyIssues(document: unknown, path = ''): ConfigIssue[] {
  if (typeof document !== 'object' || document === null) return []
  if (!isPlainPrototype(document)) return [{ path, detail: 'expected a plain object; its prototype was set (a `__proto__` key in an object literal)' }]
  const issues: ConfigIssue[] = []
  for (const key of Object.keys(document)) {
    const value = (document as Record<string, unknown>)[key]
    const at = Array.isArray(document) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`
    if (forbidden.has(key)) issues.push({ path: at, detail: `'${key}' is not allowed as a key` })
    else if (key === 'per' && typeof value === 'string' && forbidden.has(value)) issues.push({ path: at, detail: `'${value}' is not allowed as an attribution key` })
    else issues.push(...forbiddenKeyIssues(value, at))
  }
  return issues
}
