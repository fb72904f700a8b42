import { APIPromise } from 'openai'
import {
  callThroughPath,
  completeRequest,
  wrapClientOnce,
  type Attribution,
  type CallHandle,
  type CallPath,
  type CallRequest,
  type CallResult,
  type CallThroughPathOptions,
  type ResponseObserver,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
} from '@finops-ai/core'
import { detectProvider, type ProviderEndpoint } from './detect-provider.js'
import type { StreamUsageMode } from './finops-openai-options.js'
import { injectStreamUsage } from './inject-stream-usage.js'
import { observeOpenAICall, openAIResultReaders, type OpenAIResultReaders } from './observe-openai-call.js'
import { patchOpenAIBatches } from './openai-batches.js'
import { OPENAI_OPERATIONS, type OpenAIOperation } from './openai-operations.js'
import type { RequestBody } from './operation-request.js'
import { resourceMethodAt, type SDKMethod } from './resource-method-at.js'

/** How a client is wrapped. */
export interface WrapSettings {
  /** The client's default attribution. */
  attribution?: Attribution
  /** See `FinOpsOpenAIOptions.streamUsage`. */
  streamUsage: StreamUsageMode
}

type Resource = Record<string, SDKMethod> & { _client?: unknown }

/**
 * Routes every method of {@link OPENAI_OPERATIONS} of `client` through `path`, in place, and
 * returns `client`.
 *
 * Only this instance changes: the methods are replaced on its own resource objects
 * (`chat.completions.create`, `responses.create`/`compact`, `beta.responses.create`/`compact`,
 * `embeddings.create`, `completions.create`, `decisions.create`, `images.generate`/`edit`,
 * `audio.transcriptions`/`translations`/`speech.create`; `batches` when the path records billed
 * usage), never on prototypes, so other clients in the process are untouched. The SDK helpers
 * built on them are covered.
 * `client.withOptions(...)` returns its clone wrapped the same way. Wrapping a wrapped client
 * returns it unchanged. The provider is detected once, here.
 */
export function wrapOpenAI<Client extends object>(client: Client, path: CallPath, settings: WrapSettings): Client {
  return wrapClientOnce(client, (target) => {
    const endpoint = detectProvider(target)
    for (const operation of OPENAI_OPERATIONS) {
      const method = operation.method ?? 'create'
      const resource = resourceMethodAt(target, operation.resource, method) as Resource | undefined
      if (resource) patchMethod(target, resource, method, operation, path, endpoint, settings)
    }
    if (path.billedUsage !== undefined) patchOpenAIBatches(target, path.billedUsage, endpoint, settings.attribution)
  }, path)
}

function patchMethod(
  client: object,
  resource: Resource,
  name: string,
  operation: OpenAIOperation,
  path: CallPath,
  endpoint: ProviderEndpoint,
  settings: WrapSettings,
): void {
  // Fixed for the engine's life: read once, so a call without capture builds no content.
  const captureContent = path.captureContent === true
  const method: PatchedMethod = {
    path,
    APIPromise: APIPromise as unknown as StainlessAPIPromiseClass,
    client: resource._client ?? client,
    resource,
    original: resource[name] as SDKMethod,
    readers: openAIResultReaders(operation, settings.streamUsage, captureContent),
    apiMethod: `${operation.resource.join('.')}.${name}`,
  }
  const injects = operation.stream === 'chunks' && settings.streamUsage === 'inject'
  Object.defineProperty(resource, name, {
    configurable: true,
    writable: true,
    value: function create(body: RequestBody, options?: unknown) {
      if (typeof body !== 'object' || body === null) return method.original.call(resource, body, options)
      let request: CallRequest
      let estimate: CallResult | undefined
      try {
        request = completeRequest(operation.readRequest(body), endpoint, settings.attribution)
        if (captureContent) request.content = operation.readContent(body)
        estimate = operation.estimateResult?.(body, request)
      } catch {
        return method.original.call(resource, body, options)
      }
      const sent = (injects && injectStreamUsage(body)) || body
      // What the response cache keys on (when it is on and the call opts in): the body as sent.
      request.apiMethod = method.apiMethod
      request.params = sent
      if (options !== undefined) request.requestOptions = options
      return callThroughPath(new OpenAICall(method, request, body, sent, options, estimate))
    },
  })
}

/** What every call of one patched method shares, built when the client is wrapped. */
interface PatchedMethod {
  path: CallPath
  APIPromise: StainlessAPIPromiseClass
  client: unknown
  resource: Resource
  original: SDKMethod
  readers: OpenAIResultReaders
  /** `chat.completions.create`, `images.generate`, ...: `CallRequest.apiMethod`. */
  apiMethod: string
}

/** One call of a patched method as `callThroughPath` runs it: a single object per call, no closures. */
class OpenAICall implements CallThroughPathOptions<unknown> {
  readonly path: CallPath
  readonly APIPromise: StainlessAPIPromiseClass
  readonly client: unknown

  constructor(
    private readonly method: PatchedMethod,
    readonly request: CallRequest,
    /** The caller's parameters. */
    private readonly body: RequestBody,
    /** What is sent: `body`, or its copy with `stream_options.include_usage`. */
    private readonly sent: RequestBody,
    private readonly requestOptions: unknown,
    /** The result read from the parameters, for operations whose response may report no usage. */
    private readonly estimate: CallResult | undefined,
  ) {
    this.path = method.path
    this.APIPromise = method.APIPromise
    this.client = method.client
  }

  send(model: string): StainlessAPIPromise<unknown> {
    const { original, resource } = this.method
    return original.call(resource, model === this.body.model ? this.sent : { ...this.sent, model }, this.requestOptions)
  }

  observe(handle: CallHandle): ResponseObserver<unknown> {
    return observeOpenAICall(handle, this.request, this.method.readers, this.sent !== this.body, this.estimate)
  }
}

