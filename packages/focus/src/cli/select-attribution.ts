import { closestName } from '@finops-ai/core'
import { InputError } from './cli-io.js'

/**
 * Throws an {@link InputError} when `--<option>` names a value (a team, a feature) no record has,
 * with a "did you mean" and the values the records have; does nothing when `value` is undefined.
 */
export function checkSelection(option: string, value: string | undefined, present: readonly string[]): void {
  if (value === undefined || present.includes(value)) return
  const suggestion = closestName(value, present)
  const listed = present.length > 10 ? `${present.slice(0, 10).join(', ')}, …` : present.join(', ') || 'none'
  throw new InputError(`--${option}: no record has the ${option} '${value}'${suggestion === undefined ? '.' : `; did you mean '${suggestion}'?`} ${option === 'team' ? 'Teams' : 'Features'} in these records: ${listed}`)
}
