import { APIPromise } from 'openai'
import {
  callThroughPath,
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

/** Marks a wrapped client (shared by every copy of this package): wrapping again is a no-op. */
export const WRAPPED = Symbol.for('@finops-ai/openai/wrapped')

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
  const target = client as Client & { [WRAPPED]?: true; withOptions?: (options: unknown) => object }
  if (target[WRAPPED]) return client
  const endpoint = detectProvider(client)
  for (const operation of OPENAI_OPERATIONS) {
    const resource = resourceAt(client, operation.resource)
    if (resource) patchCreate(client, resource, operation, path, endpoint, settings)
  }
  const withOptions = target.withOptions
  if (typeof withOptions === 'function') {
    Object.defineProperty(target, 'withOptions', {
      configurable: true,
      writable: true,
      value: function wrappedWithOptions(this: object, options: unknown) {
        return wrapOpenAI(withOptions.call(this, options), path, settings)
      },
    })
  }
  Object.defineProperty(target, WRAPPED, { value: true })
  return client
}

function resourceAt(client: object, names: readonly string[]): Resource | undefined {
  let value: unknown = client
  for (const name of names) value = (value as Record<string, unknown> | undefined)?.[name]
  return typeof (value as Partial<Resource> | undefined)?.create === 'function' ? (value as Resource) : undefined
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
