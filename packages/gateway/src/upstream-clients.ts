import Anthropic from '@anthropic-ai/sdk'
import { withFinOps as withFinOpsAnthropic } from '@finops-ai/anthropic'
import type { FinOps } from '@finops-ai/core'
import { withFinOps as withFinOpsOpenAI } from '@finops-ai/openai'
import OpenAI from 'openai'
import type { UpstreamsOptions } from './gateway-options.js'

/** The wrapped SDK clients the gateway forwards through; a provider without an API key has none. */
export interface UpstreamClients {
  openai?: OpenAI
  anthropic?: Anthropic
}

/**
 * One wrapped client per configured provider: every model call goes through core's call path
 * (attribution, guards, pricing, telemetry, usage records), with the SDK's retries off (the
 * caller's own SDK retries, honouring the gateway's `retry-after`).
 */
export function createUpstreamClients(finops: FinOps, upstreams: UpstreamsOptions, timeoutMs: number): UpstreamClients {
  const openaiKey = upstreams.openai?.apiKey ?? process.env.OPENAI_API_KEY
  const anthropicKey = upstreams.anthropic?.apiKey ?? process.env.ANTHROPIC_API_KEY
  // An explicit timeout also keeps the Anthropic SDK from refusing non-streamed calls with a large max_tokens.
  const common = { maxRetries: 0, timeout: timeoutMs }
  return {
    ...(openaiKey ? { openai: withFinOpsOpenAI(new OpenAI({ ...common, apiKey: openaiKey, baseURL: upstreams.openai?.baseURL }), { finops }) } : {}),
    ...(anthropicKey
      ? { anthropic: withFinOpsAnthropic(new Anthropic({ ...common, apiKey: anthropicKey, baseURL: upstreams.anthropic?.baseURL }), { finops }) }
      : {}),
  }
}
