import { FinOpsError } from './finops-error.js'

const marker = Symbol.for('@finops-ai/core/ConfigError')

/** One problem found in a configuration. */
export interface ConfigIssue {
  /** Where the problem is, e.g. `policies[2].limits.budget.period` (empty for the root). */
  path: string
  /** What is wrong at `path`, e.g. `expected one of hourly|daily|weekly|monthly|total`. */
  detail: string
}

/**
 * Thrown when configuration is invalid. It lists every problem found, each with its exact path;
 * nothing of the invalid configuration is applied.
 */
export class ConfigError extends FinOpsError {
  /** @internal */
  readonly [marker] = true
  /** Path of the first problem, e.g. `policies[2].limits.budget.period`. */
  readonly path: string
  /** Every problem found, in document order. */
  readonly issues: readonly ConfigIssue[]

  constructor(issues: ConfigIssue | readonly ConfigIssue[], options?: { cause?: unknown }) {
    const list = Array.isArray(issues) ? (issues as readonly ConfigIssue[]) : [issues as ConfigIssue]
    const lines = list.map((issue) => (issue.path ? `${issue.path}: ${issue.detail}` : issue.detail))
    super(`finops-ai config: ${lines.join('; ')}`, options)
    this.issues = list
    this.path = list[0]?.path ?? ''
  }

  /** True for a {@link ConfigError} from any copy of this package. */
  static override isInstance(value: unknown): value is ConfigError {
    return FinOpsError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true
  }
}
