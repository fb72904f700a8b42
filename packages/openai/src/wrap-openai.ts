import { APIPromise } from 'openai'
import {
  callThroughPath,
  resourceAt,
  wrapClientOnce,
  type Attribution,
  type CallPath,
  type CallRequest,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
} from '@finops-ai/core'
import { detectProvider, type ProviderEndpoint } from './detect-provider.js'
import type { StreamUsageMode } from './finops-openai-options.js'
import { injectStreamUsage } from './inject-stream-usage.js'
import { observeOpenAICall } from './observe-openai-call.js'
import { OPENAI_OPERATIONS, type OpenAIOperation } from './openai-operations.js'
import type { RequestBody } from './operation-request.js'

/** How a client is wrapped. */
export interface WrapSettings {
  /** The client's default attribution. */
  attribution?: Attribution
  /** See `FinOpsOpenAIOptions.streamUsage`. */
  streamUsage: StreamUsageMode
}

type CreateMethod = (this: unknown, body: RequestBody, options?: unknown) => StainlessAPIPromise<unknown>
interface Resource {
  create: CreateMethod
  _client?: unknown
}

/**
 * Routes every `create` of `client` through `path`, in place, and returns `client`.
 *
 * Only this instance changes: `create` is replaced on its own resource objects
 * (`chat.completions`, `responses`, `embeddings`, `completions`), never on prototypes, so other
 * clients in the process are untouched. The SDK helpers built on those `create`s are covered.
 * `client.withOptions(...)` returns its clone wrapped the same way. Wrapping a wrapped client
 * returns it unchanged. The provider is detected once, here.
 */
export function wrapOpenAI<Client extends object>(client: Client, path: CallPath, settings: WrapSettings): Client {
  return wrapClientOnce(client, (target) => {
    const endpoint = detectProvider(target)
    for (const operation of OPENAI_OPERATIONS) {
      const resource = resourceAt(target, operation.resource) as Resource | undefined
      if (resource) patchCreate(target, resource, operation, path, endpoint, settings)
    }
  })
}

function patchCreate(
  client: object,
  resource: Resource,
  operation: OpenAIOperation,
  path: CallPath,
  endpoint: ProviderEndpoint,
  settings: WrapSettings,
): void {
  const original = resource.create
  const injects = operation.stream === 'chunks' && settings.streamUsage === 'inject'
  Object.defineProperty(resource, 'create', {
    configurable: true,
    writable: true,
    value: function create(body: RequestBody, options?: unknown) {
      if (typeof body !== 'object' || body === null) return original.call(resource, body, options)
      let request: CallRequest
      try {
        request = { ...operation.readRequest(body), ...endpoint }
        if (settings.attribution !== undefined) request.clientAttribution = settings.attribution
      } catch {
        return original.call(resource, body, options)
      }
      const sent = (injects && injectStreamUsage(body)) || body
      return callThroughPath({
        path,
        request,
        APIPromise: APIPromise as unknown as StainlessAPIPromiseClass,
        client: resource._client ?? client,
        send: (model) => original.call(resource, model === body.model ? sent : { ...sent, model }, options),
        observe: (handle) =>
          observeOpenAICall({ handle, operation, request, streamUsage: settings.streamUsage, injectedUsage: sent !== body }),
      })
    },
  })
}
