import type { Attribution, FinOps } from '@finops-ai/core'

/**
 * How streamed chat and legacy completions learn their token usage.
 *
 * - `'inject'` (default): the request gets `stream_options: { include_usage: true }` when the
 *   caller did not set it, and the usage-only final chunk this adds (empty `choices`) is removed
 *   from what the caller iterates, so `chunk.choices[0]` code keeps working. Exact usage.
 * - `'estimate'`: requests are sent as written; without a usage chunk the output is estimated from
 *   the streamed text (about 4 characters per token) and flagged `estimated`.
 * - `'off'`: requests are sent as written and no streamed text is counted; without a usage chunk
 *   the call settles its input estimate and zero output, flagged `estimated`.
 *
 * Responses API streams always carry usage (`response.completed`); this option does not affect them.
 */
export type StreamUsageMode = 'inject' | 'estimate' | 'off'

/** Options of `withFinOps(client, options)`. */
export interface FinOpsOpenAIOptions {
  /**
   * The engine that guards, prices and records the client's calls.
   * Default: the process-wide default engine (`createFinOps()` configured from the environment,
   * e.g. `FINOPS_POLICY_FILE`, `FINOPS_ATTRIBUTION`).
   */
  finops?: FinOps
  /**
   * Attribution for every call of this client, below call-site `withAttribution` scopes and above
   * the engine's defaults. Default: none.
   */
  attribution?: Attribution
  /** How streamed chat/legacy completions learn their usage. Default `'inject'`. See {@link StreamUsageMode}. */
  streamUsage?: StreamUsageMode
}
