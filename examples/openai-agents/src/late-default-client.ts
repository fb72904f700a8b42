import { pathToFileURL } from 'node:url'
import { createFinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import { Agent, OpenAIProvider, run, Runner, setDefaultModelProvider, setDefaultOpenAIClient, setTracingDisabled } from '@openai/agents'
import OpenAI from 'openai'

/** Model calls each step made and how many of them the engine saw. */
export interface LateClientStep {
  step:
    | 'first run, unwrapped default client'
    | 'wrapped client set after the first run'
    | 'default model provider replaced after the first run'
    | 'a Runner with its own model provider'
  requests: number
  records: number
}

/**
 * What happens when the wrapped client is set after the first run. The SDK reads its defaults once:
 * the default model provider (an `OpenAIProvider` created when `@openai/agents` is imported) keeps
 * the default client of its first run, and the runner behind the top-level `run()` keeps the
 * default model provider of its first run. So after a first run, neither
 * `setDefaultOpenAIClient(withFinOps(...))` nor `setDefaultModelProvider(...)` changes what `run()`
 * calls: calls keep bypassing the engine. A `Runner` given its own
 * `new OpenAIProvider({ openAIClient: withFinOps(...) })` (or an agent given a model built on the
 * wrapped client) goes through the engine at once.
 *
 * Runs against the fake provider; it changes the SDK's process-wide defaults, so run it in a
 * process of its own.
 */
export async function lateDefaultClient(log: (line: string) => void = console.log): Promise<LateClientStep[]> {
  setTracingDisabled(true)
  const provider = await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({ onUsage: (record) => void records.push(record) })
  const client = () => new OpenAI({ apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL })
  const agent = new Agent({ name: 'Assistant', model: 'gpt-4o-mini' })
  const steps: LateClientStep[] = []
  const runStep = async (step: LateClientStep['step'], runner?: Runner) => {
    const before = { requests: provider.requests.length, records: records.length }
    await (runner ? runner.run(agent, 'Hello?') : run(agent, 'Hello?'))
    await finops.flush()
    steps.push({ step, requests: provider.requests.length - before.requests, records: records.length - before.records })
    log(`${step}: ${steps.at(-1)?.requests} request(s), ${steps.at(-1)?.records} usage record(s)`)
  }

  try {
    setDefaultOpenAIClient(client())
    await runStep('first run, unwrapped default client')
    setDefaultOpenAIClient(withFinOps(client(), { finops }))
    await runStep('wrapped client set after the first run')
    setDefaultModelProvider(new OpenAIProvider({ openAIClient: withFinOps(client(), { finops }) }))
    await runStep('default model provider replaced after the first run')
    await runStep('a Runner with its own model provider', new Runner({ modelProvider: new OpenAIProvider({ openAIClient: withFinOps(client(), { finops }) }) }))
    return steps
  } finally {
    await provider.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await lateDefaultClient()
}
