import { parseBaseURL, serverOfURL, stringField, type ProviderEndpoint } from '@finops-ai/core'

/**
 * The client classes of Anthropic's platform packages (`@anthropic-ai/bedrock-sdk`,
 * `@anthropic-ai/vertex-sdk`) and their `gen_ai.provider.name`.
 */
const KNOWN_CLASSES: Record<string, string> = {
  AnthropicBedrock: 'aws.bedrock',
  AnthropicVertex: 'gcp.vertex_ai',
}

/**
 * Detects the provider behind an `@anthropic-ai/sdk` client (or a platform client built on its
 * `BaseAnthropic`): `aws.bedrock` / `gcp.vertex_ai` from the client class, else the name the SDK
 * itself gives its spans (`client._genAIProviderName`, overridden by platform clients), else
 * `anthropic`; `server.address`/`server.port` from `baseURL`. Called once per wrapped client.
 */
export function detectAnthropicProvider(client: {
  baseURL?: unknown
  _genAIProviderName?: unknown
  constructor?: { name?: unknown }
}): ProviderEndpoint {
  const className = typeof client.constructor?.name === 'string' ? client.constructor.name : ''
  const provider = KNOWN_CLASSES[className] ?? stringField(client._genAIProviderName) ?? 'anthropic'
  const url = parseBaseURL(client.baseURL)
  return url ? { provider, server: serverOfURL(url) } : { provider }
}
