import { messagesRoute } from './anthropic-messages-route.js'
import { arrayField, objectField, type JsonObject, type RouteContext, type RouteResult } from './fake-route.js'
import { anthropicErrorBody } from './provider-errors.js'

/** One Anthropic message batch: the `MessageBatch` served, its requests, and its results once ended. */
export interface FakeMessageBatch {
  object: JsonObject
  requests: Array<{ custom_id: unknown; params: JsonObject }>
  /** The JSONL results, set when the batch ends. */
  results?: string
}

const notFound = (id: string, requestId: string): RouteResult => ({ type: 'json', status: 404, body: anthropicErrorBody(404, `No message batch ${id}`, requestId) })

/** `POST /v1/messages/batches` (and `?beta=true`): an `in_progress` batch of `requests`. */
export function createMessageBatch(batches: Map<string, FakeMessageBatch>, body: JsonObject, context: Pick<RouteContext, 'nextId' | 'now' | 'requestId'>): RouteResult {
  const requests = arrayField(body.requests).map((request) => ({ custom_id: objectField(request)?.custom_id, params: objectField(objectField(request)?.params) ?? {} }))
  if (requests.length === 0) return { type: 'json', status: 400, body: anthropicErrorBody(400, 'requests: at least one request is required', context.requestId) }
  const id = context.nextId('msgbatch_fake_')
  const created = new Date(context.now * 1000)
  const object: JsonObject = {
    id,
    type: 'message_batch',
    processing_status: 'in_progress',
    request_counts: { processing: requests.length, succeeded: 0, errored: 0, canceled: 0, expired: 0 },
    created_at: created.toISOString(),
    expires_at: new Date(created.getTime() + 86_400_000).toISOString(),
    ended_at: null,
    cancel_initiated_at: null,
    archived_at: null,
    results_url: null,
  }
  batches.set(id, { object, requests })
  return { type: 'json', status: 200, body: object }
}

/** `GET /v1/messages/batches/:id`. */
export function retrieveMessageBatch(batches: Map<string, FakeMessageBatch>, id: string, requestId: string): RouteResult {
  const batch = batches.get(id)
  return batch === undefined ? notFound(id, requestId) : { type: 'json', status: 200, body: batch.object }
}

/** `GET /v1/messages/batches/:id/results`: one `{ custom_id, result }` JSON line per request once ended. */
export function messageBatchResults(batches: Map<string, FakeMessageBatch>, id: string, requestId: string): RouteResult {
  const batch = batches.get(id)
  if (batch === undefined) return notFound(id, requestId)
  if (batch.results === undefined) return { type: 'json', status: 400, body: anthropicErrorBody(400, `Message batch ${id} is still processing`, requestId) }
  return { type: 'bytes', status: 200, contentType: 'application/binary', body: batch.results }
}

/**
 * Answers every request of a batch as `POST /v1/messages` does (`succeeded` results, their
 * `message` with its `usage`) and marks the batch `ended` with a `results_url` under `baseURL`.
 */
export function completeMessageBatch(batch: FakeMessageBatch, baseURL: string, context: Omit<RouteContext, 'body'>): void {
  const results = batch.requests.map((request) => {
    const answer = messagesRoute({ ...context, body: { ...request.params, stream: false } })
    const result = answer.type === 'json' && answer.status === 200 ? { type: 'succeeded', message: answer.body } : { type: 'errored', error: answer.type === 'json' ? answer.body : null }
    return { custom_id: request.custom_id, result }
  })
  batch.results = results.map((line) => JSON.stringify(line)).join('\n') + '\n'
  const succeeded = results.filter((line) => line.result.type === 'succeeded').length
  Object.assign(batch.object, {
    processing_status: 'ended',
    ended_at: new Date(context.now * 1000).toISOString(),
    results_url: `${baseURL}/v1/messages/batches/${String(batch.object.id)}/results`,
    request_counts: { processing: 0, succeeded, errored: results.length - succeeded, canceled: 0, expired: 0 },
  })
}
