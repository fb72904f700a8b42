import type { ChatOpenAI } from '@langchain/openai'
import { wrapAssignedClient } from './wrap-assigned-client.js'

/** The members of `ChatOpenAI` that hold its clients (`protected` in its types). */
interface ChatOpenAIParts {
  completions: object
  responses: object
}

/**
 * Wraps every `openai` client of a `ChatOpenAI` (or `AzureChatOpenAI`) as LangChain creates it,
 * and returns the model.
 *
 * A `ChatOpenAI` sends nothing itself: it hands each call to one of two delegates it holds,
 * `completions` (a `ChatOpenAICompletions`, Chat Completions API) or `responses` (a
 * `ChatOpenAIResponses`, Responses API), each with its own lazily created client. Both delegates'
 * clients are wrapped, and the model's own (used only by `moderateContent`).
 *
 * `withConfig` (and so `bindTools` and `withStructuredOutput`) returns `new ChatOpenAI(this.fields)`,
 * which reuses the delegates found in `fields.completions` / `fields.responses`: the model must be
 * constructed with its delegates in its fields (`AzureChatOpenAI` always is) for its derived models
 * to share these wrapped delegates.
 */
export function routeChatOpenAI<Model extends ChatOpenAI>(model: Model, wrap: (client: object) => object): Model {
  const parts = model as unknown as ChatOpenAIParts
  wrapAssignedClient(parts.completions, wrap)
  wrapAssignedClient(parts.responses, wrap)
  return wrapAssignedClient(model, wrap)
}
