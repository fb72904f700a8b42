/**
 * OpenTelemetry `gen_ai.provider.name` values → genai-prices provider ids. Names not listed here
 * are passed to genai-prices as they are (its own ids and `provider_match` rules then apply, so
 * `openai`, `groq`, `deepseek`, `bedrock`, `vertex` … also work).
 */
export const GENAI_PRICES_PROVIDER_IDS: Readonly<Record<string, string>> = {
  openai: 'openai',
  'azure.ai.openai': 'azure',
  'azure.ai.inference': 'azure',
  anthropic: 'anthropic',
  'aws.bedrock': 'aws',
  'gcp.vertex_ai': 'google',
  'gcp.gemini': 'google',
  'gcp.gen_ai': 'google',
  x_ai: 'x-ai',
  mistral_ai: 'mistral',
  groq: 'groq',
  deepseek: 'deepseek',
  cohere: 'cohere',
  perplexity: 'perplexity',
}

/** The genai-prices provider id to look up for a `gen_ai.provider.name` (lower-cased, trimmed). */
export function genaiPricesProviderId(providerName: string): string {
  const name = providerName.toLowerCase().trim()
  return GENAI_PRICES_PROVIDER_IDS[name] ?? name
}
