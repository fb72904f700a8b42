import type { Attribution } from '../attribution/attribution.js'
import type { RequestContent } from './message-content.js'

/**
 * `gen_ai.operation.name` values the adapters produce, all predefined by the GenAI semantic
 * conventions: `chat` (chat completions, OpenAI Responses and their compaction, OpenAI decisions,
 * Anthropic messages), `embeddings`, `text_completion` (legacy completions) and
 * `generate_content` ("multimodal content generation"), which the conventions have as the
 * applicable value for the calls they name no operation for: OpenAI image generation and edits,
 * speech, transcriptions and translations.
 */
export type OperationName = 'chat' | 'embeddings' | 'text_completion' | 'generate_content'

/** Request parameters recorded as `gen_ai.request.*` span attributes when present. */
export interface RequestParameters {
  temperature?: number
  topP?: number
  topK?: number
  frequencyPenalty?: number
  presencePenalty?: number
  stopSequences?: string[]
  seed?: number
  choiceCount?: number
  encodingFormats?: string[]
  /** Embeddings: the requested number of dimensions (`gen_ai.embeddings.dimension.count`). */
  dimensionCount?: number
}

/** `gen_ai.output.type` values the adapters produce (the conventions' well-known values). */
export type OutputType = 'text' | 'json' | 'image' | 'speech'

/** Span attributes a provider adapter adds under its provider's namespace (`openai.*`, `anthropic.*`). */
export type ProviderAttributes = Readonly<Record<string, string | number | boolean>>

/** What a provider adapter knows about a call before it is sent. */
export interface CallRequest {
  /** `gen_ai.provider.name`, e.g. `openai`, `anthropic`, `azure.ai.openai`. */
  provider: string
  /** `gen_ai.operation.name`. */
  operation: OperationName
  /** The requested model. */
  model: string
  /** Whether the response is streamed. */
  stream: boolean
  /** `max_tokens` / `max_output_tokens` / `max_completion_tokens` when the caller set it. */
  maxOutputTokens?: number
  /** Cheap estimate of input tokens, used to reserve budget before the call. */
  estimatedInputTokens: number
  /**
   * An exact input count from the provider (e.g. Anthropic's `messages.countTokens`), asked by the
   * engine only when it is about to reserve for the call: guards are configured and the response
   * cache did not answer it. A count replaces `estimatedInputTokens`; `undefined` or a rejection
   * keeps the estimate. Absent: the estimate is used.
   */
  countInputTokens?: () => PromiseLike<number | undefined>
  /** Service tier the caller requested (`batch`, `flex`, `priority`, ...). */
  serviceTier?: string
  /** Host and port of the provider endpoint (`server.address`, `server.port`). */
  server?: { address: string; port?: number }
  /** Other `gen_ai.request.*` parameters. */
  parameters?: RequestParameters
  /** `gen_ai.output.type`: the content type the caller requested (`json` for a JSON response format). */
  outputType?: OutputType
  /**
   * Provider-specific span attributes known before the call (e.g. `openai.api.type`). Recorded
   * only when their name is in the namespace of `provider` (`openai.*` when `provider` is
   * `openai`), as the conventions require; never in metrics. A frozen module constant per
   * operation keeps the hot path free of allocations.
   */
  providerAttributes?: ProviderAttributes
  /** The wrapped client's default attribution (below call-site scopes, above engine defaults). */
  clientAttribution?: Attribution
  /**
   * The prompt, converted to the semantic-convention structure. Set by adapters only when
   * `CallPath.captureContent` is true; recorded on the span only, never in metrics, usage
   * records or events.
   */
  content?: RequestContent
  /**
   * The SDK method the call went through, e.g. `chat.completions.create`, `messages.create`. With
   * `params`, what makes a call eligible for the response cache (`createFinOps({ cache })`); an
   * adapter that sends requests itself (and cannot replay a cached response) leaves both unset.
   */
  apiMethod?: string
  /** The request body as the SDK method sends it (a reference, never copied); part of the response-cache key. */
  params?: Readonly<Record<string, unknown>>
  /**
   * The SDK method's per-request options as the caller passed them (a reference, never copied).
   * The response cache keys an opted-in call on the ones that can change the answer (`headers`
   * without the SDK's `x-stainless-*`, `query`), so calls that differ in them never share a
   * response; timeouts, retries and signals are ignored. Absent: none.
   */
  requestOptions?: unknown
}
