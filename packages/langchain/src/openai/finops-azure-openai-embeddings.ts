import type { FinOpsOpenAIOptions } from '@finops-ai/openai'
import { AzureOpenAIEmbeddings } from '@langchain/openai'
import { denialsNotRetried } from '../denials-not-retried.js'
import { openAIClientWrapper } from './openai-client-wrapper.js'
import { wrapAssignedClient } from './wrap-assigned-client.js'

/** The constructor fields of `AzureOpenAIEmbeddings`. */
export type AzureOpenAIEmbeddingsFields = NonNullable<ConstructorParameters<typeof AzureOpenAIEmbeddings>[0]>

/**
 * A LangChain `AzureOpenAIEmbeddings` whose every request goes through `withFinOps` from
 * `@finops-ai/openai`, as {@link finopsOpenAIEmbeddings} does for `OpenAIEmbeddings`; spans and
 * usage records name the provider `azure.ai.openai`.
 *
 * @param fields `AzureOpenAIEmbeddings`' constructor fields. Default `{}` (endpoint, deployment and
 * key from the environment, e.g. `AZURE_OPENAI_API_KEY`, as LangChain reads them).
 * @param options How calls are wrapped: `finops` (default: the process-wide engine configured from
 * the environment), `attribution` (default: none).
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 * @example
 * const embeddings = finopsAzureOpenAIEmbeddings({ azureOpenAIApiDeploymentName: 'embeddings' }, { attribution: { feature: 'search' } })
 */
export function finopsAzureOpenAIEmbeddings(fields: AzureOpenAIEmbeddingsFields = {}, options: FinOpsOpenAIOptions = {}): AzureOpenAIEmbeddings {
  const wrap = openAIClientWrapper(options, 'finopsAzureOpenAIEmbeddings')
  return wrapAssignedClient(new AzureOpenAIEmbeddings(denialsNotRetried(fields)), wrap)
}
