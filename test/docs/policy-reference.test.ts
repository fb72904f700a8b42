// Every policy field the schema accepts is in the reference table of docs/policies.md, and every
// field the table lists is accepted by the schema: the reference cannot drift from the code.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { policyFileSchema, policySchema } from '../../packages/core/src/policies/policy-schema.js'
import { objectFields, recordTransformFields, tableFields } from './policy-schema-fields.js'

const schemaSource = fileURLToPath(new URL('../../packages/core/src/policies/policy-schema.ts', import.meta.url))
const reference = readFileSync(new URL('../../docs/policies.md', import.meta.url), 'utf8')
const documented = new Set(tableFields(reference, '## Fields'))

/** Record fields parsed by a transform, and the `const` in policy-schema.ts that defines them. */
const transformedRecords: Record<string, string> = { 'limits.budget': 'budget', 'limits.circuit_breaker': 'circuitBreaker' }

/**
 * Fields the schema accepts that docs/policies.md does not list yet (it explains them in prose).
 * Remove an entry once the table has a row for it.
 */

/** Every field of the policy schema, money fields spelled `name_<cur>`. */
function schemaFields(): string[] {
  return objectFields(policySchema).flatMap(({ path, transformedRecord }) => {
    if (!transformedRecord) return [path]
    const constName = transformedRecords[path]
    if (constName === undefined) throw new Error(`${path} is parsed by a transform: add it to transformedRecords`)
    const { plain, money } = recordTransformFields(schemaSource, constName)
    return [...plain, ...money].map((name) => `${path}.${name}`)
  })
}

const samples: Record<string, unknown> = {
  key: 'probe',
  match: { feature: 'probe' },
  per: 'user',
  currency: 'EUR',
  onLimit: 'reject',
  maxWaitMs: '30s',
  period: 'daily',
  cooldown: '5m',
  downgrade: { 'gpt-4o': 'gpt-4o-mini' },
}

/** Whether the schema rejects `path` as an unknown field (money fields probed with the `usd` suffix). */
function rejectsAsUnknown(path: string): boolean {
  const parts = path.replace('<cur>', 'usd').split('.')
  const policy: Record<string, unknown> = { key: 'probe' }
  let target = policy
  for (const part of parts.slice(0, -1)) target = (target[part] ??= {}) as Record<string, unknown>
  const leaf = parts.at(-1)!
  target[leaf] = samples[leaf] ?? 1
  const result = policySchema.safeParse(policy)
  if (result.success) return false
  const parent = parts.slice(0, -1).join('.')
  return result.error.issues.some(
    (issue) =>
      (issue.message === 'unknown field' && issue.path.join('.') === parts.join('.')) ||
      (issue.code === 'unrecognized_keys' && issue.path.join('.') === parent && issue.keys.includes(leaf)),
  )
}

describe('docs/policies.md reference table', () => {
  const fields = schemaFields()

  it('reads the schema: top level, limits, budget and circuit breaker fields, money patterns', () => {
    expect(fields).toEqual(
      expect.arrayContaining([
        'key',
        'match',
        'per',
        'limits.requests_per_minute',
        'limits.budget.period',
        'limits.budget.soft_limit_<cur>',
        'limits.budget.hard_limit_<cur>',
        'limits.circuit_breaker.cost_velocity_<cur>_per_min',
        'limits.circuit_breaker.cooldown',
        'on_soft_limit.downgrade',
      ]),
    )
    // The source scan of the transformed records finds only fields the schema really accepts.
    expect(fields.filter(rejectsAsUnknown)).toEqual([])
    expect(rejectsAsUnknown('limits.budget.hard_limt_usd')).toBe(true)
    expect(rejectsAsUnknown('limits.request_per_minute')).toBe(true)
  })

  it('lists every schema field in backticks', () => {
    const missing = fields.filter((field) => !documented.has(field))
    expect(missing).toEqual([])
  })

  it('lists file-level fields too (policies is the list itself)', () => {
    const fileFields = objectFields(policyFileSchema).map((field) => field.path)
    expect(fileFields.filter((field) => field !== 'policies' && !documented.has(field))).toEqual([])
  })

  it('lists only fields the schema accepts', () => {
    const fileOnly = new Set(objectFields(policyFileSchema).map((field) => field.path))
    expect([...documented].filter((field) => !fileOnly.has(field)).filter(rejectsAsUnknown)).toEqual([])
  })
})
