import Anthropic from '@anthropic-ai/sdk'
import { withFinOps as withFinOpsAnthropic } from '@finops-ai/anthropic'
import type { FinOps } from '@finops-ai/core'
import { withFinOps as withFinOpsOpenAI } from '@finops-ai/openai'
import OpenAI, { AzureOpenAI } from 'openai'
import { deploymentFetch } from './deployment-fetch.js'
import type { AzureOpenAIUpstreamOptions, UpstreamsOptions } from './gateway-options.js'
import { upstreamFetch, type Fetch } from './upstream-fetch.js'

/**
 * The wrapped SDK clients the gateway forwards through; a provider without an API key has none.
 * `openai` serves the OpenAI-compatible endpoints: an `OpenAI` client, or an `AzureOpenAI` one.
 */
export interface UpstreamClients {
  openai?: OpenAI
  anthropic?: Anthropic
}

/**
 * One wrapped client per configured provider: every model call goes through core's call path
 * (attribution, guards, pricing, telemetry, usage records), with the SDK's retries off (the
 * caller's own SDK retries, honouring the gateway's `retry-after`), sending over one pool of
 * keep-alive connections ({@link upstreamFetch}). With `azureOpenAI`, the
 * OpenAI-compatible endpoints go to Azure (provider `azure.ai.openai`) instead of OpenAI.
 */
export function createUpstreamClients(finops: FinOps, upstreams: UpstreamsOptions, timeoutMs: number): UpstreamClients {
  // An explicit timeout also keeps the Anthropic SDK from refusing non-streamed calls with a large max_tokens.
  const common = { maxRetries: 0, timeout: timeoutMs, fetch: upstreamFetch() }
  const openai = upstreams.azureOpenAI ? azureClient(upstreams.azureOpenAI, common) : openaiClient(upstreams, common)
  const anthropicKey = upstreams.anthropic?.apiKey ?? process.env.ANTHROPIC_API_KEY
  return {
    ...(openai ? { openai: withFinOpsOpenAI(openai, { finops }) } : {}),
    ...(anthropicKey
      ? { anthropic: withFinOpsAnthropic(new Anthropic({ ...common, apiKey: anthropicKey, baseURL: upstreams.anthropic?.baseURL }), { finops }) }
      : {}),
  }
}

type CommonOptions = { maxRetries: number; timeout: number; fetch: Fetch }

function openaiClient(upstreams: UpstreamsOptions, common: CommonOptions): OpenAI | undefined {
  const apiKey = upstreams.openai?.apiKey ?? process.env.OPENAI_API_KEY
  return apiKey ? new OpenAI({ ...common, apiKey, baseURL: upstreams.openai?.baseURL }) : undefined
}

function azureClient(azure: AzureOpenAIUpstreamOptions, common: CommonOptions): OpenAI | undefined {
  const apiKey = azure.apiKey ?? process.env.AZURE_OPENAI_API_KEY
  if (!apiKey) return undefined
  return new AzureOpenAI({
    ...common,
    apiKey,
    // The base URL `endpoint` stands for, given explicitly so that env OPENAI_BASE_URL cannot conflict with it.
    baseURL: `${azure.endpoint.replace(/\/+$/, '')}/openai`,
    apiVersion: azure.apiVersion,
    ...(azure.deployments === undefined ? {} : { fetch: deploymentFetch(azure.deployments, common.fetch) }),
  })
}
