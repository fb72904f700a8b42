/**
 * AI SDK provider ids (`LanguageModel.provider`, by prefix) and their `gen_ai.provider.name`.
 * Checked in order; the first matching prefix wins.
 */
const KNOWN_PREFIXES: ReadonlyArray<readonly [prefix: string, name: string]> = [
  ['openai.', 'openai'],
  ['anthropic.', 'anthropic'],
  ['azure.', 'azure.ai.openai'],
  ['azure-openai.', 'azure.ai.openai'],
  ['amazon-bedrock', 'aws.bedrock'],
  ['bedrock.', 'aws.bedrock'],
  ['google.vertex.', 'gcp.vertex_ai'],
  ['vertex.', 'gcp.vertex_ai'],
  ['google.generative-ai', 'gcp.gemini'],
  ['mistral.', 'mistral_ai'],
  ['xai.', 'x_ai'],
  ['groq.', 'groq'],
  ['deepseek.', 'deepseek'],
  ['cohere.', 'cohere'],
  ['perplexity', 'perplexity'],
]

/**
 * The semantic-convention `gen_ai.provider.name` of an AI SDK provider id: `openai.responses`,
 * `openai.chat`, `openai.completion`, `openai.embedding` → `openai`; `anthropic.messages` →
 * `anthropic`; Azure OpenAI (`azure.*`) → `azure.ai.openai`; Amazon Bedrock → `aws.bedrock`;
 * Vertex AI (`google.vertex.*`, `vertex.anthropic.*`) → `gcp.vertex_ai`; Gemini
 * (`google.generative-ai`) → `gcp.gemini`; Mistral, xAI, Groq, DeepSeek, Cohere, Perplexity by
 * their semconv names. Any other id passes through up to its first dot (`lmstudio.chat` →
 * `lmstudio`), the provider's own name.
 */
export function providerName(aiSdkProvider: string): string {
  for (const [prefix, name] of KNOWN_PREFIXES) if (aiSdkProvider.startsWith(prefix)) return name
  const dot = aiSdkProvider.indexOf('.')
  return dot > 0 ? aiSdkProvider.slice(0, dot) : aiSdkProvider
}
