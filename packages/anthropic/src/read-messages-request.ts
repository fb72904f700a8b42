import { estimateTokens, objectField, readRequestBasics, type ParameterFields, type ProviderRequest } from '@finops-ai/core'

/** What the request reader learns from one call's parameters (the client adds provider, server, attribution). */
export type MessagesRequest = ProviderRequest

const messagesParameterFields: ParameterFields = { temperature: 'temperature', topP: 'top_p', topK: 'top_k', stopSequences: 'stop_sequences' }

/**
 * Reads a `messages.create` / `beta.messages.create` call: operation `chat`, `model`, `stream`,
 * `max_tokens` (which includes any thinking budget), the requested `service_tier`, the sampling
 * parameters `temperature`, `top_p`, `top_k`, `stop_sequences`, and an input estimate over
 * `system`, `messages` and `tools`. Output type: `json` for structured outputs (a `json_schema`
 * `output_format`, or `output_config.format`), else `text`.
 */
export function readMessagesRequest(body: Record<string, unknown>): MessagesRequest {
  const request = readRequestBasics(body, 'chat', estimateTokens(body.system, body.messages, body.tools), body.max_tokens, messagesParameterFields)
  request.outputType = isJsonFormat(body.output_format) || isJsonFormat(objectField(body.output_config)?.format) ? 'json' : 'text'
  return request
}

function isJsonFormat(format: unknown): boolean {
  return objectField(format)?.type === 'json_schema'
}
