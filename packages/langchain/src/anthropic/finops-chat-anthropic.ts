import { validateAttribution } from '@finops-ai/core'
import { withFinOps, type FinOpsAnthropicOptions } from '@finops-ai/anthropic'
import { ChatAnthropic, type ChatAnthropicInput } from '@langchain/anthropic'
import { denialsNotRetried } from '../denials-not-retried.js'

type AnthropicClient = Parameters<typeof withFinOps>[0]

/**
 * A LangChain `ChatAnthropic` whose every call goes through `withFinOps` from
 * `@finops-ai/anthropic`: attribution from `withAttribution` scopes and `options.attribution`, the
 * engine's guards before the request, exact cost (cache reads and writes included), one GenAI
 * span and one usage record per call.
 *
 * Each client the model creates through its public `createClient` hook (LangChain's default, which
 * builds the `@anthropic-ai/sdk` release `@langchain/anthropic` depends on, or `fields.createClient`)
 * is wrapped as it is created. Covered: `invoke`, `stream`, `batch`, and the models derived with
 * `bindTools`, `withStructuredOutput` and `withConfig` (they call this same model). A denial
 * surfaces once, with no request sent: LangChain's caller does not retry it.
 *
 * @param fields `ChatAnthropic`'s constructor fields. Default `{}` (key from `ANTHROPIC_API_KEY`).
 * @param options How calls are wrapped: `finops` (default: the process-wide engine configured from
 * the environment, e.g. `FINOPS_POLICY_FILE`), `attribution` (default: none), `countTokens`
 * (default `false`); see `withFinOps` of `@finops-ai/anthropic`.
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 * @example
 * const model = finopsChatAnthropic({ model: 'claude-haiku-4-5' }, { attribution: { team: 'support' } })
 */
export function finopsChatAnthropic(fields: ChatAnthropicInput = {}, options: FinOpsAnthropicOptions = {}): ChatAnthropic {
  if (options.attribution) validateAttribution(options.attribution, 'finopsChatAnthropic.attribution')
  const model = new ChatAnthropic(denialsNotRetried(fields))
  const createClient = model.createClient
  model.createClient = (clientOptions) => {
    const client = createClient.call(model, clientOptions)
    return withFinOps(client as unknown as AnthropicClient, options) as unknown as typeof client
  }
  return model
}
