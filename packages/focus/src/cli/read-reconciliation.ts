import { readFileSync } from 'node:fs'
import type { Reconciliation } from '../reconcile/compare-report.js'
import { InputError } from './cli-io.js'

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const isAmounts = (value: unknown) => isObject(value) && ['requests', 'inputTokens', 'outputTokens', 'costUsd'].every((name) => typeof value[name] === 'number')

/** Why `value` is not the JSON of a reconciliation, or `undefined` when it is one. */
function reconciliationProblem(value: unknown): string | undefined {
  if (!isObject(value)) return 'not a JSON object'
  if (value.provider !== 'openai' && value.provider !== 'anthropic') return 'provider must be openai or anthropic'
  if (!Array.isArray(value.dimensions) || !Array.isArray(value.shadowSpend) || !Array.isArray(value.priceDrift)) return 'dimensions, shadowSpend and priceDrift must be arrays'
  if (!isObject(value.totals) || !isObject(value.tolerance) || !isObject(value.verdicts)) return 'totals, tolerance and verdicts must be objects'
  if (!Array.isArray(value.groups)) return 'groups must be an array'
  const index = value.groups.findIndex(
    (group: unknown) => !isObject(group) || typeof group.day !== 'string' || typeof group.model !== 'string' || typeof group.final !== 'boolean' || !isAmounts(group.provider) || !isAmounts(group.ledger),
  )
  return index === -1 ? undefined : `groups[${index}] is not a group (day, model, final, provider and ledger amounts)`
}

/** Reads the JSON that `finops-ai reconcile --json` printed; anything else is an {@link InputError}. */
export function readReconciliation(path: string): Reconciliation {
  let value: unknown
  try {
    value = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new InputError(`cannot read reconciliation ${path}: ${(error as Error).message}`)
  }
  const problem = reconciliationProblem(value)
  if (problem !== undefined) throw new InputError(`${path} is not the output of finops-ai reconcile --json: ${problem}`)
  return value as Reconciliation
}
