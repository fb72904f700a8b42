import type { CallPath } from '../call/call-path.js'
import { ConfigError } from '../errors/config-error.js'
import { callPathKey, type FinOps } from './create-finops.js'
import { defaultFinOps } from './default-finops.js'

/**
 * The call path of `finops`, or of the process-wide default engine when `finops` is undefined.
 * For provider adapters (`@finops-ai/openai`, `@finops-ai/anthropic`); applications don't need it.
 *
 * @throws ConfigError when `finops` is not an engine created by `createFinOps()`.
 */
export function callPathOf(finops?: FinOps): CallPath {
  const engine = finops ?? defaultFinOps()
  const path = (engine as Partial<FinOps> | null)?.[callPathKey]
  if (path === undefined) {
    throw new ConfigError({ path: 'finops', detail: 'expected an engine created by createFinOps()' })
  }
  return path
}
