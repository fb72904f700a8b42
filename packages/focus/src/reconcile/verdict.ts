import type { UsageAmounts } from './provider-report.js'

/**
 * How a group's ledger compares with the provider's report:
 * - `within-tolerance`: tokens and cost agree within the {@link Tolerance};
 * - `ledger-high` / `ledger-low`: the ledger's cost (or, when the costs agree, its tokens) is above /
 *   below the provider's by more than the tolerance;
 * - `provider-only`: the provider reports usage the ledger has no record of (spend that bypassed
 *   the wrapped clients);
 * - `ledger-only`: the ledger has calls the provider does not report (yet: see `final`).
 */
export type Verdict = 'within-tolerance' | 'ledger-high' | 'ledger-low' | 'provider-only' | 'ledger-only'

/** How far the two sides of a group may differ and still agree. */
export interface Tolerance {
  /** Largest difference as a fraction of the provider's figure, for tokens and cost. Default `0.01` (1 %). */
  relative?: number
  /** Cost differences up to this many USD always agree (rounding). Default `0.000001`. */
  absoluteUsd?: number
}

/** The tolerance used when none is given. */
export const DEFAULT_TOLERANCE: Readonly<Required<Tolerance>> = Object.freeze({ relative: 0.01, absoluteUsd: 0.000001 })

/** A group's verdict and which of its figures agree. */
export interface Judgement {
  verdict: Verdict
  /** Input plus output tokens agree within the relative tolerance. */
  tokensAgree: boolean
  /** Cost agrees within the tolerance. */
  costAgree: boolean
}

const tokensOf = (amounts: UsageAmounts) => amounts.inputTokens + amounts.outputTokens

/** Judges one group: `provider`/`ledger` are `undefined` when that side has nothing in the group. */
export function judge(provider: UsageAmounts | undefined, ledger: UsageAmounts | undefined, tolerance: Required<Tolerance>): Judgement {
  if (ledger === undefined) return { verdict: 'provider-only', tokensAgree: false, costAgree: false }
  if (provider === undefined) return { verdict: 'ledger-only', tokensAgree: false, costAgree: false }
  const tokenDifference = tokensOf(ledger) - tokensOf(provider)
  const costDifference = ledger.costNanos - provider.costNanos
  const tokensAgree = Math.abs(tokenDifference) <= tolerance.relative * tokensOf(provider)
  const costAgree = Math.abs(costDifference) <= Math.max(tolerance.absoluteUsd * 1e9, tolerance.relative * provider.costNanos)
  if (tokensAgree && costAgree) return { verdict: 'within-tolerance', tokensAgree, costAgree }
  const direction = costAgree ? tokenDifference : costDifference
  return { verdict: direction > 0 ? 'ledger-high' : 'ledger-low', tokensAgree, costAgree }
}
