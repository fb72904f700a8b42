import type { FinOpsOpenAIOptions } from '@finops-ai/openai'
import { AzureChatOpenAI, type AzureChatOpenAIFields } from '@langchain/openai'
import { denialsNotRetried } from '../denials-not-retried.js'
import { openAIClientWrapper } from './openai-client-wrapper.js'
import { routeChatOpenAI } from './route-chat-openai.js'

/**
 * A LangChain `AzureChatOpenAI` whose every call goes through `withFinOps` from
 * `@finops-ai/openai`, as {@link finopsChatOpenAI} does for `ChatOpenAI`; spans and usage records
 * name the provider `azure.ai.openai`. Models derived with `bindTools`, `withStructuredOutput` and
 * `withConfig` (plain `ChatOpenAI`s, as LangChain builds them) share its wrapped Azure clients.
 *
 * @param fields `AzureChatOpenAI`'s constructor fields. Default `{}` (endpoint, deployment and key
 * from the environment, e.g. `AZURE_OPENAI_API_KEY`, as LangChain reads them).
 * @param options How calls are wrapped: `finops` (default: the process-wide engine configured from
 * the environment), `attribution` (default: none), `streamUsage` (default `'inject'`).
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 * @example
 * const model = finopsAzureChatOpenAI({ azureOpenAIApiDeploymentName: 'gpt-4o' }, { attribution: { team: 'support' } })
 */
export function finopsAzureChatOpenAI(fields: AzureChatOpenAIFields = {}, options: FinOpsOpenAIOptions = {}): AzureChatOpenAI {
  const wrap = openAIClientWrapper(options, 'finopsAzureChatOpenAI')
  return routeChatOpenAI(new AzureChatOpenAI(denialsNotRetried(fields)), wrap)
}
