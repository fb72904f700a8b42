import type { FinOps } from '@finops-ai/core'
import type { VirtualKeyStore } from './keys/index.js'

/** Where the gateway sends one provider's calls, and with which provider key. */
export interface UpstreamOptions {
  /**
   * Base URL of the provider API (or of any compatible server). Default: the SDK's own
   * (`https://api.openai.com/v1`, `https://api.anthropic.com`); env `OPENAI_BASE_URL` /
   * `ANTHROPIC_BASE_URL` as the SDKs read them.
   */
  baseURL?: string
  /**
   * The provider API key. It stays in the gateway: never sent to a caller, logged, or put on a span
   * or usage record. Default: env `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`; without one the
   * provider's endpoints answer 404.
   */
  apiKey?: string
}

/** An Azure OpenAI resource, reached with the `AzureOpenAI` client of the `openai` package. */
export interface AzureOpenAIUpstreamOptions {
  /** The resource's endpoint, e.g. `https://my-resource.openai.azure.com`. */
  endpoint: string
  /** The `api-version` query parameter of every request, e.g. `2024-10-21`. */
  apiVersion: string
  /** The resource's API key; it stays in the gateway like any provider key. Default: env `AZURE_OPENAI_API_KEY`. */
  apiKey?: string
  /**
   * Deployment names by model: a call for `gpt-4o-mini` goes to `/openai/deployments/<deployments['gpt-4o-mini']>/…`.
   * A model not listed is used as the deployment name. Calls are priced by the model the caller named.
   */
  deployments?: Readonly<Record<string, string>>
}

/** The providers the gateway forwards to. */
export interface UpstreamsOptions {
  /** OpenAI or any OpenAI-compatible API. Default: `{}` (env `OPENAI_API_KEY`). */
  openai?: UpstreamOptions
  /**
   * Azure OpenAI, serving the OpenAI-compatible endpoints instead of `openai` (give one or the other).
   * Calls are recorded with provider `azure.ai.openai`. Default: none.
   */
  azureOpenAI?: AzureOpenAIUpstreamOptions
  /** Anthropic. Default: `{}` (env `ANTHROPIC_API_KEY`). */
  anthropic?: UpstreamOptions
}

/** Options of {@link createGateway}. */
export interface GatewayOptions {
  /**
   * The engine: attribution, policies, guards on its store, prices, telemetry and usage sinks.
   * A gateway and wrapped applications on engines sharing one `redisStore` share budgets.
   */
  finops: FinOps
  /** Resolves the virtual key a caller presents to its identity and permissions. */
  keys: VirtualKeyStore
  /** Provider endpoints and keys. Default: both providers from the environment. */
  upstreams?: UpstreamsOptions
  /** Largest request body accepted, in bytes; larger ones get 413. Default 10 MiB. */
  maxBodyBytes?: number
  /** Most request headers accepted; more get 431 (Request Header Fields Too Large). Default 100. */
  maxHeaders?: number
  /**
   * Milliseconds a client may take to send a whole request (headers and body) before the gateway
   * answers 408 and closes the connection. Default 60 000.
   */
  requestTimeoutMs?: number
  /**
   * Milliseconds a client may take to send its request headers; a slower one (a slow-loris client
   * trickling bytes) gets 408 and is disconnected. Default 10 000.
   */
  headersTimeoutMs?: number
  /** Milliseconds an idle keep-alive connection stays open. Default 5 000. */
  keepAliveTimeoutMs?: number
  /** Milliseconds `close()` waits for in-flight calls (streams included) before cutting them. Default 30 000. */
  shutdownTimeoutMs?: number
  /**
   * Milliseconds the gateway waits for an upstream answer (for a stream: its headers) before
   * answering 504. Default 600 000.
   */
  upstreamTimeoutMs?: number
}
