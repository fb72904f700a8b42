import type { Attribution, FinOps } from '@finops-ai/core'

/** Options of `withFinOps(client, options)`. */
export interface FinOpsAnthropicOptions {
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
  /**
   * Reserve budget with Anthropic's exact input count: before a call is reserved for,
   * `messages.countTokens` (`beta.messages.countTokens` for beta calls) is asked for the request's
   * input tokens, and the reservation uses that count instead of the local estimate (about 4
   * ASCII characters per token). Costs one extra round trip per call that is reserved for, made
   * before the guards run (so it is made even for a call the guards then deny); none when the
   * engine has no policies or the response cache answers the call. When it fails, the local
   * estimate is used. The settlement always uses the usage the response reports. Default `false`.
   */
  countTokens?: boolean
}
