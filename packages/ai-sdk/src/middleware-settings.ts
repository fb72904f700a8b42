import { callPathOf, completeRequest, validateAttribution, type Attribution, type CallPath, type CallRequest, type ProviderRequest } from '@finops-ai/core'
import type { FinOpsEmbeddingMiddlewareOptions } from './finops-middleware-options.js'
import { providerName } from './provider-name.js'

/** What every call through one middleware shares, resolved once when the middleware is built. */
export class MiddlewareSettings {
  readonly path: CallPath
  private readonly attribution: Attribution | undefined
  /** `gen_ai.provider.name` per AI SDK provider id: a middleware sees a handful of them. */
  private readonly providers = new Map<string, { provider: string }>()

  /**
   * @throws ConfigError when `options.finops` is not an engine or `options.attribution` holds an
   * invalid key or value (the path starts with `where`).
   */
  constructor(options: FinOpsEmbeddingMiddlewareOptions, where: string) {
    this.path = callPathOf(options.finops)
    this.attribution = options.attribution === undefined ? undefined : validateAttribution(options.attribution, `${where}.attribution`)
  }

  /** Completes a request read from a call of `model` with its provider name and the default attribution. */
  complete(read: ProviderRequest, model: { provider: string }): CallRequest {
    let endpoint = this.providers.get(model.provider)
    if (endpoint === undefined) {
      endpoint = { provider: providerName(model.provider) }
      this.providers.set(model.provider, endpoint)
    }
    return completeRequest(read, endpoint, this.attribution)
  }
}
