import { LimitExceededError } from '@finops-ai/core'
import type OpenAI from 'openai'

/** Options of {@link runAgentLoop}. */
export interface AgentLoopOptions {
  /** An OpenAI client wrapped with `withFinOps`. */
  openai: OpenAI
  /** Default `'gpt-4o'`. */
  model?: string
  /** The task the agent works on. */
  task: string
  /** The agent's tool: returns what the tool found at step `step` (appended to the context). */
  tool: (step: number) => string
  /** Called after each completed model call (e.g. to read its cost, or to let time pass). */
  afterStep?: (step: number) => void | Promise<void>
  /** A safety net for the demo itself. Default `100`. */
  maxSteps?: number
}

/** How {@link runAgentLoop} ended. */
export interface AgentLoopResult {
  /** Model calls that completed. */
  steps: number
  /** The guard denial that stopped the loop; `undefined` when `maxSteps` was reached. */
  stoppedBy: LimitExceededError | undefined
}

/**
 * A deliberately broken agent: it asks the model what to do next, runs its tool, appends both to
 * the context and asks again — it never decides that it is done, and every step sends a longer
 * context than the one before, so each call costs more. Only a guard stops it: the loop ends when a
 * call is denied with `LimitExceededError` (nothing is sent for the denied call).
 */
export async function runAgentLoop({ openai, model = 'gpt-4o', task, tool, afterStep, maxSteps = 100 }: AgentLoopOptions): Promise<AgentLoopResult> {
  const messages: OpenAI.ChatCompletionMessageParam[] = [
    { role: 'system', content: 'You are a research agent. Call the search tool until the task is complete.' },
    { role: 'user', content: task },
  ]
  for (let step = 1; step <= maxSteps; step++) {
    let reply: string
    try {
      const completion = await openai.chat.completions.create({ model, messages, max_tokens: 64 })
      reply = completion.choices[0]?.message.content ?? ''
    } catch (error) {
      if (LimitExceededError.isInstance(error)) return { steps: step - 1, stoppedBy: error }
      throw error
    }
    messages.push({ role: 'assistant', content: reply }, { role: 'user', content: `search result ${step}: ${tool(step)}` })
    await afterStep?.(step)
  }
  return { steps: maxSteps, stoppedBy: undefined }
}
