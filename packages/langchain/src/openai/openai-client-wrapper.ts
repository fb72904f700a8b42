import { validateAttribution } from '@finops-ai/core'
import { withFinOps, type FinOpsOpenAIOptions } from '@finops-ai/openai'
import type OpenAI from 'openai'

/**
 * The function that wraps each `openai` client a LangChain model creates: `withFinOps(client,
 * options)`. The attribution is checked here, when the model is built, rather than on its first
 * call; `source` names the factory in the error's path (e.g. `finopsChatOpenAI`).
 *
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 */
export function openAIClientWrapper(options: FinOpsOpenAIOptions, source: string): (client: object) => object {
  if (options.attribution) validateAttribution(options.attribution, `${source}.attribution`)
  return (client) => withFinOps(client as OpenAI, options)
}
