import { parseBaseURL, serverOfURL, type ProviderEndpoint } from '@finops-ai/core'

export type { ProviderEndpoint }

/** Exact hosts of OpenAI-compatible APIs and their `gen_ai.provider.name`. */
const KNOWN_HOSTS: Record<string, string> = {
  'api.openai.com': 'openai',
  'api.groq.com': 'groq',
  'api.deepseek.com': 'deepseek',
  'api.x.ai': 'x_ai',
  'api.mistral.ai': 'mistral_ai',
  'api.perplexity.ai': 'perplexity',
  'api.cohere.ai': 'cohere',
  'api.cohere.com': 'cohere',
  'api.anthropic.com': 'anthropic',
  'generativelanguage.googleapis.com': 'gcp.gemini',
}

/** Host suffixes and their provider, checked in order after {@link KNOWN_HOSTS}. */
const KNOWN_SUFFIXES: ReadonlyArray<readonly [suffix: string, provider: string]> = [
  ['.openai.azure.com', 'azure.ai.openai'],
  ['.cognitiveservices.azure.com', 'azure.ai.openai'],
  ['.services.ai.azure.com', 'azure.ai.inference'],
  ['aiplatform.googleapis.com', 'gcp.vertex_ai'],
]

/** The client classes whose name alone tells the provider, whatever their base URL. */
const KNOWN_CLASSES: Record<string, string> = {
  AzureOpenAI: 'azure.ai.openai',
  BedrockOpenAI: 'aws.bedrock',
}

/**
 * Detects the provider behind an `openai` client from its class (`AzureOpenAI`, `BedrockOpenAI`)
 * and its `baseURL`: Azure OpenAI hosts, Bedrock (`bedrock-*.amazonaws.com`, `bedrock-*.api.aws`),
 * Vertex AI, and well-known OpenAI-compatible hosts (Groq, DeepSeek, xAI, Mistral, Gemini, ...).
 * Anything else is `openai`. Called once per wrapped client, never per call.
 */
export function detectProvider(client: { baseURL?: unknown; constructor?: { name?: unknown } }): ProviderEndpoint {
  const className = typeof client.constructor?.name === 'string' ? client.constructor.name : ''
  const url = parseBaseURL(client.baseURL)
  const server = url && serverOfURL(url)
  const byClass = KNOWN_CLASSES[className]
  const provider = byClass ?? (url ? providerOfHost(url.hostname.toLowerCase()) : 'openai')
  return server ? { provider, server } : { provider }
}

function providerOfHost(host: string): string {
  const exact = KNOWN_HOSTS[host]
  if (exact) return exact
  for (const [suffix, provider] of KNOWN_SUFFIXES) if (host.endsWith(suffix)) return provider
  if (host.startsWith('bedrock') && (host.endsWith('.amazonaws.com') || host.endsWith('.api.aws'))) return 'aws.bedrock'
  return 'openai'
}
