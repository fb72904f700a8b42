import { estimateTokens, readRequestBasics, type ParameterFields, type ProviderRequest } from '@finops-ai/core'

/** What the request reader learns from one call's parameters (the client adds provider, server, attribution). */
export type MessagesRequest = ProviderRequest

const messagesParameterFields: ParameterFields = { temperature: 'temperature', topP: 'top_p', topK: 'top_k', stopSequences: 'stop_sequences' }

/**
 * Reads a `messages.create` / `beta.messages.create` call: operation `chat`, `model`, `stream`,
 * `max_tokens` (which includes any thinking budget), the requested `service_tier`, the sampling
 * parameters `temperature`, `top_p`, `top_k`, `stop_sequences`, and an input estimate over
 * `system`, `messages` and `tools`.
 */
export function readMessagesRequest(body: Record<string, unknown>): MessagesRequest {
  return readRequestBasics(body, 'chat', estimateTokens(body.system, body.messages, body.tools), body.max_tokens, messagesParameterFields)
}
