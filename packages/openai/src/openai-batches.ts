import { diag } from '@opentelemetry/api'
import { APIPromise } from 'openai'
import {
  resourceAt,
  sendAfterAdmission,
  type Attribution,
  type BilledUsagePath,
  type CallRequest,
  type OperationName,
  type ProviderEndpoint,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
} from '@finops-ai/core'
import { attributionFromMetadata, withAttributionMetadata } from './batch-attribution-metadata.js'
import { objectField, stringField, type RequestBody } from './operation-request.js'
import { readResponseUsage } from './read-response-usage.js'

type BatchMethod = (this: unknown, first: unknown, options?: unknown) => StainlessAPIPromise<unknown>
interface BatchesResource {
  _client?: unknown
  create: BatchMethod
  retrieve?: BatchMethod
}

/** Statuses after which OpenAI runs no more requests of a batch (what ran is billed). */
const FINISHED_STATUSES = new Set(['completed', 'cancelled', 'expired', 'failed'])

/** Operation of each batch `endpoint` this package prices; others (images, moderations, videos) are not recorded. */
const BATCH_OPERATIONS: ReadonlyMap<string, OperationName> = new Map([
  ['/v1/chat/completions', 'chat'],
  ['/v1/responses', 'chat'],
  ['/v1/embeddings', 'embeddings'],
  ['/v1/completions', 'text_completion'],
])

/**
 * Meters `client.batches`, in place. `create` captures the attribution of the moment (scope >
 * client default > engine default), is denied with `LimitExceededError` (nothing sent) when a
 * matching policy's hard budget is already exhausted (the requests sit in an uploaded file this
 * wrapper does not read, so there is no estimate to check), and sends the attribution in the
 * batch's `metadata` under `finops_attribution` (when OpenAI's 16-pair / 512-character limits
 * leave room; it is also remembered in process). `retrieve` of a finished batch (completed, cancelled, expired or
 * failed) that reports `usage` records that usage once per batch id, at the `batch` service tier,
 * attributed to the creation's attribution: from the metadata (which survives restarts and
 * reaches other processes), else from this process's memory, else the attribution of the
 * `retrieve` call. Batches of endpoints other than chat, Responses, embeddings and completions,
 * and batches without `usage` (created before 2025-09-07), are not recorded.
 */
export function patchOpenAIBatches(client: object, path: BilledUsagePath, endpoint: ProviderEndpoint, clientAttribution: Attribution | undefined): void {
  const resource = resourceAt(client, ['batches']) as BatchesResource | undefined
  if (resource === undefined || typeof resource.retrieve !== 'function') return
  const { create, retrieve } = resource
  const workId = (batchId: string) => `${endpoint.provider}:${batchId}`

  define(resource, 'create', function createBatch(body: unknown, options?: unknown) {
    if (typeof body !== 'object' || body === null) return create.call(resource, body, options)
    const attribution = path.captureAttribution(clientAttribution)
    const metadata = withAttributionMetadata((body as RequestBody).metadata, attribution)
    if (metadata === undefined) diag.warn('finops-ai: batch metadata is full; the batch attribution is kept in this process only')
    const sent = metadata === undefined ? body : { ...body, metadata }
    return sendAfterAdmission({
      // The requests are in an uploaded file this wrapper does not read: no estimate, so only an
      // exhausted hard budget stops the batch.
      admit: () => path.admitSubmission({ requests: [], attribution }),
      send: () => create.call(resource, sent, options),
      APIPromise: APIPromise as unknown as StainlessAPIPromiseClass,
      client: resource._client,
    })._thenUnwrap((batch) => {
      const id = stringField(objectField(batch)?.id)
      if (id !== undefined) path.rememberSubmission(workId(id), attribution)
      return batch
    })
  })

  define(resource, 'retrieve', function retrieveBatch(batchId: unknown, options?: unknown) {
    // The scope of the call, read now: the response is parsed later, outside it.
    const retrieving = path.captureAttribution(clientAttribution)
    return retrieve.call(resource, batchId, options)._thenUnwrap((batch) => {
      try {
        recordFinishedBatch(batch, retrieving)
      } catch (error) {
        diag.error('finops-ai: reading a finished batch failed', error)
      }
      return batch
    })
  })

  function recordFinishedBatch(batch: unknown, retrieving: Attribution): void {
    const fields = objectField(batch)
    const id = stringField(fields?.id)
    const model = stringField(fields?.model)
    const operation = BATCH_OPERATIONS.get(stringField(fields?.endpoint) ?? '')
    const usage = readResponseUsage(fields?.usage)
    if (id === undefined || model === undefined || operation === undefined || usage === undefined || !FINISHED_STATUSES.has(stringField(fields?.status) ?? '')) return
    const request: CallRequest = { provider: endpoint.provider, operation, model, stream: false, estimatedInputTokens: 0, serviceTier: 'batch' }
    if (endpoint.server !== undefined) request.server = endpoint.server
    const attribution = attributionFromMetadata(fields?.metadata) ?? path.submittedAttribution(workId(id)) ?? retrieving
    void path.record({ id: workId(id), request, result: { usage, responseId: id, serviceTier: 'batch' }, attribution })
  }
}

function define(resource: BatchesResource, name: 'create' | 'retrieve', value: BatchMethod): void {
  Object.defineProperty(resource, name, { configurable: true, writable: true, value })
}
