import { estimateTokens, numberField, readRequestBasics, type ProviderRequest, type RequestParameters } from '@finops-ai/core'

/** What the request reader learns from one call's parameters (the client adds provider, server, attribution). */
export type MessagesRequest = ProviderRequest

/**
 * Reads a `messages.create` / `beta.messages.create` call: operation `chat`, `model`, `stream`,
 * `max_tokens` (which includes any thinking budget), the requested `service_tier`, the sampling
 * parameters `temperature`, `top_p`, `top_k`, `stop_sequences`, and an input estimate over
 * `system`, `messages` and `tools`.
 */
export function readMessagesRequest(body: Record<string, unknown>): MessagesRequest {
  const request = readRequestBasics(body, 'chat', estimateTokens(body.system, body.messages, body.tools), body.max_tokens)
  const parameters = readSamplingParameters(body)
  if (parameters !== undefined) request.parameters = parameters
  return request
}

function readSamplingParameters(body: Record<string, unknown>): RequestParameters | undefined {
  let parameters: RequestParameters | undefined
  const set = <K extends keyof RequestParameters>(key: K, value: RequestParameters[K] | undefined) => {
    if (value !== undefined) (parameters ??= {})[key] = value
  }
  set('temperature', numberField(body.temperature))
  set('topP', numberField(body.top_p))
  set('topK', numberField(body.top_k))
  if (Array.isArray(body.stop_sequences)) {
    set('stopSequences', body.stop_sequences.filter((item): item is string => typeof item === 'string'))
  }
  return parameters
}
