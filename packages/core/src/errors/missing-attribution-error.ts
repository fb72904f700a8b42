import { FinOpsError } from './finops-error.js'

const marker = Symbol.for('@finops-ai/core/MissingAttributionError')

/**
 * Thrown before a call is sent when required attribution keys are missing and
 * `attribution.onMissing` is `'throw'` (env `FINOPS_ATTRIBUTION=strict`).
 */
export class MissingAttributionError extends FinOpsError {
  /** @internal */
  readonly [marker] = true
  /**
   * The required attribution keys the call did not carry, in configuration order; `['*']` when no
   * key is required and the call carried no attribution at all.
   */
  readonly missing: string[]

  constructor(missing: string[]) {
    super(missingMessage(missing))
    this.missing = missing
  }

  /** True for a {@link MissingAttributionError} from any copy of this package. */
  static override isInstance(value: unknown): value is MissingAttributionError {
    return FinOpsError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true
  }
}

function missingMessage(missing: string[]): string {
  const fix = 'or set a client default with withFinOps(client, { attribution })'
  if (missing.length === 1 && missing[0] === '*') {
    return `finops-ai: call carries no attribution; wrap it in withAttribution({ team: ..., feature: ... }, () => ...) ${fix}`
  }
  const keys = missing.map((key) => `'${key}'`).join(', ')
  const example = missing.map((key) => `${key}: ...`).join(', ')
  return `finops-ai: call is missing required attribution ${keys}; wrap it in withAttribution({ ${example} }, () => ...) ${fix}`
}
