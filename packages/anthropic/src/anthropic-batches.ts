import { APIPromise } from '@anthropic-ai/sdk'
import { diag } from '@opentelemetry/api'
import {
  completeRequest,
  objectField,
  resourceAt,
  sendAfterAdmission,
  stringField,
  type Attribution,
  type BilledUsagePath,
  type CallRequest,
  type ProviderEndpoint,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
} from '@finops-ai/core'
import { readAnthropicUsage } from './read-anthropic-usage.js'
import { readMessageFields } from './read-message-result.js'
import { readMessagesRequest } from './read-messages-request.js'

interface BatchesResource {
  _client?: unknown
  create: (this: unknown, params: unknown, options?: unknown) => StainlessAPIPromise<unknown>
  results?: (this: unknown, batchId: unknown, params?: unknown, options?: unknown) => Promise<unknown>
}

/** `messages.batches` and `beta.messages.batches`: the same endpoints, billed alike. */
const BATCHES_RESOURCES: ReadonlyArray<readonly string[]> = [
  ['messages', 'batches'],
  ['beta', 'messages', 'batches'],
]

/**
 * Meters `messages.batches` and `beta.messages.batches` of `client`, in place. `create` captures
 * the attribution of the moment (scope > client default > engine default), checks the batch's
 * estimated cost (every request's input estimate and `max_tokens`, at the batch tier) against the
 * hard budgets of the matching policies (`BilledUsagePath.admitSubmission`: a `LimitExceededError`
 * and nothing sent when it does not fit), and the engine keeps the attribution by batch id in
 * process (Anthropic batches carry no metadata). Iterating
 * `results(id)` records each `succeeded` result once (`<provider>:<batch id>/<custom_id>`), at
 * the `batch` service tier, priced by its message's model and usage and attributed to the
 * creation's attribution, or, for a batch this process did not create (another process, or a
 * restart), to the attribution of the `results` call. Errored, canceled and expired requests are
 * not billed and not recorded.
 */
export function patchAnthropicBatches(client: object, path: BilledUsagePath, endpoint: ProviderEndpoint, clientAttribution: Attribution | undefined): void {
  for (const names of BATCHES_RESOURCES) {
    const resource = resourceAt(client, names) as BatchesResource | undefined
    if (resource !== undefined && typeof resource.results === 'function') patchBatches(resource, resource.results, path, endpoint, clientAttribution)
  }
}

function patchBatches(
  resource: BatchesResource,
  results: NonNullable<BatchesResource['results']>,
  path: BilledUsagePath,
  endpoint: ProviderEndpoint,
  clientAttribution: Attribution | undefined,
): void {
  const create = resource.create
  const workId = (batchId: string) => `${endpoint.provider}:${batchId}`

  Object.defineProperty(resource, 'create', {
    configurable: true,
    writable: true,
    value: function createBatch(params: unknown, options?: unknown) {
      const attribution = path.captureAttribution(clientAttribution)
      return sendAfterAdmission({
        admit: () => path.admitSubmission({ requests: estimatedRequests(params), attribution }),
        send: () => create.call(resource, params, options),
        APIPromise: APIPromise as unknown as StainlessAPIPromiseClass,
        client: resource._client,
      })._thenUnwrap((batch) => {
        const id = stringField(objectField(batch)?.id)
        if (id !== undefined) path.rememberSubmission(workId(id), attribution)
        return batch
      })
    },
  })

  Object.defineProperty(resource, 'results', {
    configurable: true,
    writable: true,
    value: function batchResults(batchId: unknown, params?: unknown, options?: unknown) {
      // The scope of the call, read now: the results are iterated later, outside it.
      const reading = path.captureAttribution(clientAttribution)
      return results.call(resource, batchId, params, options).then((decoder) => {
        if (typeof batchId !== 'string') return decoder
        const attribution = path.submittedAttribution(workId(batchId)) ?? reading
        return observeResults(decoder, (line) => recordResult(line, `${workId(batchId)}/`, attribution))
      })
    },
  })

  /** Each request of a batch as the call path estimates it: its messages, `max_tokens`, the batch tier. */
  function estimatedRequests(params: unknown): CallRequest[] {
    const entries = objectField(params)?.requests
    return (Array.isArray(entries) ? entries : []).map((entry: unknown) => {
      const request = completeRequest(readMessagesRequest(objectField(objectField(entry)?.params) ?? {}), endpoint, clientAttribution)
      request.serviceTier = 'batch'
      return request
    })
  }

  function recordResult(line: unknown, idPrefix: string, attribution: Attribution): void {
    const customId = stringField(objectField(line)?.custom_id)
    const result = objectField(objectField(line)?.result)
    const message = objectField(result?.message)
    const model = stringField(message?.model)
    const usage = readAnthropicUsage(message?.usage)
    if (result?.type !== 'succeeded' || customId === undefined || message === undefined || model === undefined || usage === undefined) return
    const request: CallRequest = { provider: endpoint.provider, operation: 'chat', model, stream: false, estimatedInputTokens: 0, serviceTier: 'batch' }
    if (endpoint.server !== undefined) request.server = endpoint.server
    void path.record({ id: idPrefix + customId, request, result: { ...readMessageFields(message), usage, serviceTier: 'batch' }, attribution })
  }
}

/**
 * Makes iterating `decoder` (the SDK's `JSONLDecoder`) call `onLine` with each line it yields, on
 * the instance only; everything else about it is unchanged. `onLine` errors are logged, never thrown.
 */
function observeResults(decoder: unknown, onLine: (line: unknown) => void): unknown {
  const iterable = decoder as { [Symbol.asyncIterator]?: () => AsyncIterator<unknown> }
  const iterate = iterable[Symbol.asyncIterator]
  if (typeof iterate !== 'function') return decoder
  Object.defineProperty(decoder, Symbol.asyncIterator, {
    configurable: true,
    writable: true,
    value: async function* observedResults() {
      const lines = { [Symbol.asyncIterator]: () => iterate.call(decoder) }
      for await (const line of lines) {
        try {
          onLine(line)
        } catch (error) {
          diag.error('finops-ai: reading a batch result failed', error)
        }
        yield line
      }
    },
  })
  return decoder
}
