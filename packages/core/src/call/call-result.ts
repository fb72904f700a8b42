import type { NormalizedUsage } from '../usage/normalized-usage.js'
import type { ProviderAttributes } from './call-request.js'
import type { OutputMessage } from './message-content.js'

/** What a provider adapter learned from a finished (or partially received) response. */
export interface CallResult {
  /** Token usage; estimated when `estimated` is true. */
  usage: NormalizedUsage
  /** `gen_ai.response.id`. */
  responseId?: string
  /** `gen_ai.response.model`: the model that actually served the call. */
  responseModel?: string
  /** `gen_ai.response.finish_reasons`. */
  finishReasons?: string[]
  /** Service tier the provider reports having used; it changes the price. */
  serviceTier?: string
  /**
   * Where inference ran, as the provider reports it (Anthropic's `usage.inference_geo`, e.g. `"us"`
   * or `"global"`); a surcharged geography changes the price (see `DEFAULT_INFERENCE_GEO_PRICES`).
   */
  inferenceGeo?: string
  /** True when usage was estimated (e.g. a stream cut before its usage arrived). */
  estimated?: boolean
  /**
   * Provider-specific span attributes read from the response (e.g. `openai.response.system_fingerprint`),
   * recorded like `CallRequest.providerAttributes`: only in the provider's namespace, spans only.
   */
  providerAttributes?: ProviderAttributes
  /**
   * The completion (`gen_ai.output.messages`), one message per choice. Set by adapters only when
   * `CallPath.captureContent` is true; recorded on the span only.
   */
  outputContent?: OutputMessage[]
}
