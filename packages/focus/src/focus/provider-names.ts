/** FOCUS names of one `gen_ai.provider.name`. */
export interface ProviderNames {
  /** `ServiceName`, e.g. `OpenAI API`. */
  readonly serviceName: string
  /** `ServiceProviderName`, `InvoiceIssuerName` (and the deprecated `ProviderName`/`PublisherName`), e.g. `OpenAI`. */
  readonly serviceProvider: string
  /** `HostProviderName`: whose infrastructure runs the service, e.g. `Microsoft` for Azure OpenAI. */
  readonly hostProvider: string
}

const known: Readonly<Record<string, ProviderNames>> = {
  openai: { serviceName: 'OpenAI API', serviceProvider: 'OpenAI', hostProvider: 'OpenAI' },
  anthropic: { serviceName: 'Claude API', serviceProvider: 'Anthropic', hostProvider: 'Anthropic' },
  'azure.ai.openai': { serviceName: 'Azure OpenAI', serviceProvider: 'Microsoft', hostProvider: 'Microsoft' },
  'azure.ai.inference': { serviceName: 'Azure AI Foundry', serviceProvider: 'Microsoft', hostProvider: 'Microsoft' },
  'aws.bedrock': { serviceName: 'Amazon Bedrock', serviceProvider: 'AWS', hostProvider: 'AWS' },
  'gcp.vertex_ai': { serviceName: 'Vertex AI', serviceProvider: 'Google Cloud', hostProvider: 'Google Cloud' },
  'gcp.gemini': { serviceName: 'Gemini API', serviceProvider: 'Google', hostProvider: 'Google' },
  'gcp.gen_ai': { serviceName: 'Gemini API', serviceProvider: 'Google', hostProvider: 'Google' },
  mistral_ai: { serviceName: 'Mistral AI API', serviceProvider: 'Mistral AI', hostProvider: 'Mistral AI' },
  groq: { serviceName: 'GroqCloud', serviceProvider: 'Groq', hostProvider: 'Groq' },
  deepseek: { serviceName: 'DeepSeek API', serviceProvider: 'DeepSeek', hostProvider: 'DeepSeek' },
  'x_ai': { serviceName: 'xAI API', serviceProvider: 'xAI', hostProvider: 'xAI' },
  perplexity: { serviceName: 'Perplexity API', serviceProvider: 'Perplexity', hostProvider: 'Perplexity' },
  cohere: { serviceName: 'Cohere API', serviceProvider: 'Cohere', hostProvider: 'Cohere' },
}

/** FOCUS provider and service names for a `gen_ai.provider.name`; unknown providers use the name itself. */
export function providerNames(provider: string): ProviderNames {
  return known[provider] ?? { serviceName: provider, serviceProvider: provider, hostProvider: provider }
}
