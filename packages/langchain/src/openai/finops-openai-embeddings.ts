import type { FinOpsOpenAIOptions } from '@finops-ai/openai'
import { OpenAIEmbeddings } from '@langchain/openai'
import { denialsNotRetried } from '../denials-not-retried.js'
import { openAIClientWrapper } from './openai-client-wrapper.js'
import { wrapAssignedClient } from './wrap-assigned-client.js'

/** The constructor fields of `OpenAIEmbeddings`. */
export type OpenAIEmbeddingsFields = NonNullable<ConstructorParameters<typeof OpenAIEmbeddings>[0]>

/**
 * A LangChain `OpenAIEmbeddings` whose every request (`embedQuery`, and each batch of
 * `embedDocuments`) goes through `withFinOps` from `@finops-ai/openai`: one `embeddings` span and
 * usage record per request, priced on its input tokens; a denial surfaces once, not retried.
 *
 * @param fields `OpenAIEmbeddings`' constructor fields. Default `{}`.
 * @param options How calls are wrapped: `finops` (default: the process-wide engine configured from
 * the environment), `attribution` (default: none).
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 * @example
 * const embeddings = finopsOpenAIEmbeddings({ model: 'text-embedding-3-small' }, { attribution: { feature: 'search' } })
 */
export function finopsOpenAIEmbeddings(fields: OpenAIEmbeddingsFields = {}, options: FinOpsOpenAIOptions = {}): OpenAIEmbeddings {
  const wrap = openAIClientWrapper(options, 'finopsOpenAIEmbeddings')
  return wrapAssignedClient(new OpenAIEmbeddings(denialsNotRetried(fields)), wrap)
}
