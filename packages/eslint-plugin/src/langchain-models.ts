/** A LangChain.js model class whose instances must be built by a `@finops-ai/langchain` helper. */
export interface LangChainModel {
  /** The class name as the LangChain package exports it, e.g. `ChatOpenAI`. */
  readonly name: string
  /** The helper that builds it with every call going through finops-ai, e.g. `finopsChatOpenAI`. */
  readonly builder: string
  /** Where to import the helper from: the subpath that needs only this provider's LangChain package. */
  readonly builderModule: string
}

const openAIModels = '@finops-ai/langchain/openai'
const model = (name: string, builderModule: string): LangChainModel => ({ name, builder: `finops${name}`, builderModule })

/** LangChain provider packages and the model classes they export, by export name. */
export const langChainModules: ReadonlyMap<string, ReadonlyMap<string, LangChainModel>> = new Map([
  [
    '@langchain/openai',
    new Map(['ChatOpenAI', 'AzureChatOpenAI', 'OpenAIEmbeddings', 'AzureOpenAIEmbeddings'].map((name) => [name, model(name, openAIModels)])),
  ],
  ['@langchain/anthropic', new Map([['ChatAnthropic', model('ChatAnthropic', '@finops-ai/langchain/anthropic')]])],
])

/** Module specifiers that export the `@finops-ai/langchain` helpers (the package and its provider subpaths). */
export const langChainBuilderModules: ReadonlySet<string> = new Set(['@finops-ai/langchain', openAIModels, '@finops-ai/langchain/anthropic'])

/** The names of the `@finops-ai/langchain` helpers. */
export const langChainBuilders: ReadonlySet<string> = new Set([...langChainModules.values()].flatMap((models) => [...models.values()].map((model) => model.builder)))
