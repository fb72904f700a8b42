import type { FinOpsOpenAIOptions } from '@finops-ai/openai'
import { ChatOpenAI, ChatOpenAICompletions, ChatOpenAIResponses, type ChatOpenAIFields } from '@langchain/openai'
import { denialsNotRetried } from '../denials-not-retried.js'
import { openAIClientWrapper } from './openai-client-wrapper.js'
import { routeChatOpenAI } from './route-chat-openai.js'

/**
 * A LangChain `ChatOpenAI` whose every call goes through `withFinOps` from `@finops-ai/openai`:
 * attribution from `withAttribution` scopes and `options.attribution`, the engine's guards before
 * the request, exact cost, one GenAI span and one usage record per call.
 *
 * `fields` are `ChatOpenAI`'s own and keep their meaning. Covered: `invoke`, `stream`, `batch`,
 * and the models derived with `bindTools`, `withStructuredOutput` and `withConfig`, on the Chat
 * Completions and the Responses API. A denial (`LimitExceededError`, `MissingAttributionError`)
 * surfaces once, with no request sent: LangChain's caller does not retry it (with a custom
 * `fields.onFailedAttempt` too).
 *
 * @param fields `ChatOpenAI`'s constructor fields. Default `{}` (model and key from the environment,
 * as LangChain reads them).
 * @param options How calls are wrapped: `finops` (default: the process-wide engine configured from
 * the environment, e.g. `FINOPS_POLICY_FILE`), `attribution` (default: none), `streamUsage`
 * (default `'inject'`); see `withFinOps` of `@finops-ai/openai`.
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 * @example
 * const model = finopsChatOpenAI({ model: 'gpt-4o-mini' }, { attribution: { team: 'support' } })
 * await withAttribution({ feature: 'triage' }, () => model.bindTools([lookupOrder]).invoke('Where is order 42?'))
 */
export function finopsChatOpenAI(fields: ChatOpenAIFields = {}, options: FinOpsOpenAIOptions = {}): ChatOpenAI {
  const wrap = openAIClientWrapper(options, 'finopsChatOpenAI')
  const settled = denialsNotRetried(fields)
  const model = new ChatOpenAI({
    ...settled,
    completions: settled.completions ?? new ChatOpenAICompletions(settled),
    responses: settled.responses ?? new ChatOpenAIResponses(settled),
  })
  return routeChatOpenAI(model, wrap)
}
