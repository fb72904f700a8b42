/** A Vercel AI SDK provider package whose models must be wrapped by `@finops-ai/ai-sdk`. */
export interface AiSdkProvider {
  /** The provider package, e.g. `@ai-sdk/openai`. */
  readonly module: string
  /** Provider methods that return a language or embedding model (what `withFinOps` wraps). */
  readonly modelMethods: ReadonlySet<string>
}

/** What a provider package exports that the rule follows: its default provider and its factory. */
export interface AiSdkProviderExports {
  readonly provider: AiSdkProvider
  /** The ready-made provider instance, e.g. `openai` (callable: `openai('gpt-4o')`). */
  readonly instance: string
  /** The function that creates a provider instance, e.g. `createOpenAI`. */
  readonly factory: string
}

const openAI: AiSdkProvider = {
  module: '@ai-sdk/openai',
  modelMethods: new Set(['languageModel', 'chat', 'responses', 'completion', 'embedding', 'embeddingModel', 'textEmbedding', 'textEmbeddingModel']),
}
const anthropic: AiSdkProvider = { module: '@ai-sdk/anthropic', modelMethods: new Set(['languageModel', 'chat', 'messages']) }

/** AI SDK provider packages by module specifier. */
export const aiSdkProviderModules: ReadonlyMap<string, AiSdkProviderExports> = new Map([
  ['@ai-sdk/openai', { provider: openAI, instance: 'openai', factory: 'createOpenAI' }],
  ['@ai-sdk/anthropic', { provider: anthropic, instance: 'anthropic', factory: 'createAnthropic' }],
])

/** The AI SDK package, whose `wrapLanguageModel` / `wrapEmbeddingModel` take a middleware. */
export const aiSdkModule = 'ai'

/** Exports of {@link aiSdkModule} that wrap a model with middleware. */
export const modelWrapperExports: ReadonlySet<string> = new Set(['wrapLanguageModel', 'wrapEmbeddingModel'])

/** The finops package that wraps AI SDK models: `withFinOps(model)` and the middleware factories. */
export const aiSdkWrapperModule = '@finops-ai/ai-sdk'

/** Exports of {@link aiSdkWrapperModule} that create a finops middleware for `wrapLanguageModel` / `wrapEmbeddingModel`. */
export const finopsMiddlewareExports: ReadonlySet<string> = new Set(['finopsMiddleware', 'finopsEmbeddingMiddleware'])
