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
  /** Service tier the caller requested (`batch`, `flex`, `priority`, ...). */
  serviceTier?: string
  /** Host and port of the provider endpoint (`server.address`, `server.port`). */
  server?: { address: string; port?: number }
  /** Other `gen_ai.request.*` parameters. */
  parameters?: RequestParameters
  /** The wrapped client's default attribution (below call-site scopes, above engine defaults). */
  clientAttribution?: Attribution
  /**
   * The prompt, converted to the semantic-convention structure. Set by adapters only when
   * `CallPath.captureContent` is true; recorded on the span only, never in metrics, usage
   * records or events.
   */
  content?: RequestContent
}
