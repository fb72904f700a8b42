const marker = Symbol.for('@finops-ai/core/FinOpsError')

/**
 * The mark LangChain.js (`@langchain/core` ≥ 1.2.8, `stampRetryable`) reads to decide whether its
 * `AsyncCaller` may retry an error: a registered symbol, so no LangChain import is needed.
 */
const langChainRetryable = Symbol.for('langchain.errors.retryable')

/**
 * Base class of every error finops-ai throws on purpose (denials, missing attribution, bad config).
 * Provider errors are never wrapped: they reach the caller unchanged.
 *
 * Use the static `isInstance` checks rather than `instanceof`: they work across duplicated copies
 * of this package (ESM and CJS builds loaded side by side).
 */
export class FinOpsError extends Error {
  /** @internal marker read by {@link FinOpsError.isInstance}. */
  readonly [marker] = true

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
    // Retrying cannot help a denial, missing attribution or bad config: frameworks that retry
    // (LangChain's default `maxRetries: 6`) surface it at once instead of calling again.
    Object.defineProperty(this, langChainRetryable, { value: false, configurable: true })
  }

  /** True for any finops-ai error, whichever copy of the package created it. */
  static isInstance(value: unknown): value is FinOpsError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[marker] === true
  }
}
