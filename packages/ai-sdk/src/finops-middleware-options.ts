import type { Attribution, FinOps } from '@finops-ai/core'
import type { LanguageModel } from 'ai'

/** Options of `finopsEmbeddingMiddleware(options)`, and the common part of the other entry points. */
export interface FinOpsEmbeddingMiddlewareOptions {
  /**
   * The engine that guards, prices and records the model's calls.
   * Default: the process-wide default engine (`createFinOps()` configured from the environment,
   * e.g. `FINOPS_POLICY_FILE`, `FINOPS_ATTRIBUTION`).
   */
  finops?: FinOps
  /**
   * Attribution for every call of the model, below call-site `withAttribution` scopes and above
   * the engine's defaults. Default: none.
   */
  attribution?: Attribution
}

/** Options of `finopsImageMiddleware(options)`: the engine and the default attribution, as for embedding models. */
export type FinOpsImageMiddlewareOptions = FinOpsEmbeddingMiddlewareOptions

/** Options of `finopsMiddleware(options)` and `withFinOps(model, options)`. */
export interface FinOpsMiddlewareOptions extends FinOpsEmbeddingMiddlewareOptions {
  /**
   * Builds the model a soft-limit downgrade (`on_soft_limit.downgrade`) switches to, from the
   * provider that built the wrapped model, e.g. `(modelId) => openai.responses(modelId)`.
   * Default: none — a middleware cannot create a sibling model by itself, so a downgrade is not
   * applied: the requested model is sent (and priced), a `diag` warning is logged, and the span and
   * usage record name the downgrade target as the model with `gen_ai.response.model` naming the
   * model that served the call.
   */
  modelFor?: (modelId: string) => Exclude<LanguageModel, string>
}
