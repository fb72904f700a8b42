/** A provider client class the rule looks for, and where its wrapper comes from. */
export interface ClientClass {
  /** The class name as the SDK exports it, e.g. `AzureOpenAI`. */
  readonly name: string
  /** The finops package whose `withFinOps` wraps instances of this class. */
  readonly wrapperModule: string
}

const openAI: ClientClass = { name: 'OpenAI', wrapperModule: '@finops-ai/openai' }
const azureOpenAI: ClientClass = { name: 'AzureOpenAI', wrapperModule: '@finops-ai/openai' }
const anthropic: ClientClass = { name: 'Anthropic', wrapperModule: '@finops-ai/anthropic' }

/** The exports of a module that are client classes, by export name (`default` included). */
export type ClientExports = ReadonlyMap<string, ClientClass>

/** Client classes by the name a module re-exporting an SDK (option `additionalModules`) exports them under. */
export const clientClassesByName: ClientExports = new Map([
  ['OpenAI', openAI],
  ['AzureOpenAI', azureOpenAI],
  ['Anthropic', anthropic],
])

/** SDK module specifiers and the client classes they export. */
export const sdkModules: ReadonlyMap<string, ClientExports> = new Map<string, ClientExports>([
  ['openai', new Map([['default', openAI], ['OpenAI', openAI], ['AzureOpenAI', azureOpenAI]])],
  ['openai/client', new Map([['OpenAI', openAI]])],
  ['openai/azure', new Map([['AzureOpenAI', azureOpenAI]])],
  ['@anthropic-ai/sdk', new Map([['default', anthropic], ['Anthropic', anthropic]])],
  ['@anthropic-ai/sdk/client', new Map([['Anthropic', anthropic]])],
])

/** Module specifiers whose `withFinOps` export wraps provider clients (and, for `@finops-ai/ai-sdk`, AI SDK models). */
export const wrapperModules: ReadonlySet<string> = new Set(['@finops-ai/openai', '@finops-ai/anthropic', '@finops-ai/ai-sdk'])

/** The name of the wrapping function both finops adapter packages export. */
export const wrapperExportName = 'withFinOps'
