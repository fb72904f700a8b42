import type { IncomingMessage } from 'node:http'
import { completeMessageBatch, createMessageBatch, messageBatchResults, retrieveMessageBatch, type FakeMessageBatch } from './anthropic-batch-routes.js'
import type { JsonObject, RouteContext, RouteResult } from './fake-route.js'
import { completeOpenAIBatch, createBatch, readFile, retrieveBatch, uploadFile, type FakeFile, type FakeOpenAIBatch } from './openai-batch-routes.js'
import { anthropicErrorBody, openaiErrorBody } from './provider-errors.js'

/** What a batch request needs besides its body: the live routes' context and the server's URL. */
export type BatchContext = Omit<RouteContext, 'body'> & {
  /** `http://HOST:PORT`, for Anthropic `results_url`. */
  baseURL: string
}

/** The batch endpoints of the fake provider and the batches, files and results they keep. */
export interface FakeBatches {
  /** True for the paths served here: `/v1/files…`, `/v1/batches…`, `/v1/messages/batches…`. */
  serves(path: string): boolean
  /** Answers one request of a served path (`bytes`: its raw body). */
  answer(request: IncomingMessage, path: string, bytes: Buffer, context: BatchContext): Promise<RouteResult>
  /**
   * Ends a batch as the provider does when its work is done: OpenAI batches become `completed`
   * with an output file and summed `usage`; Anthropic batches `ended` with results. Every request
   * is answered as its live endpoint answers it, with the provider's current knobs.
   * @throws Error for an unknown batch id.
   */
  complete(id: string, context: BatchContext): void
  /** Forgets every batch and file. */
  reset(): void
}

/** The raw body of a request. */
export async function readRequestBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

/** A batch request's body as `provider.requests` records it: its JSON, or `undefined` (uploads, empty bodies). */
export function recordedBatchBody(bytes: Buffer): unknown {
  try {
    return bytes.length === 0 ? undefined : (JSON.parse(bytes.toString('utf8')) as unknown)
  } catch {
    return undefined
  }
}

const filePath = /^\/v1\/files\/([^/]+)(\/content)?$/
const batchPath = /^\/v1\/batches\/([^/]+)$/
const messageBatchPath = /^\/v1\/messages\/batches\/([^/]+)(\/results)?$/

/** The fake provider's batch endpoints: OpenAI files and batches, Anthropic message batches. */
export function createFakeBatches(): FakeBatches {
  const files = new Map<string, FakeFile>()
  const openaiBatches = new Map<string, FakeOpenAIBatch>()
  const messageBatches = new Map<string, FakeMessageBatch>()

  const json = (bytes: Buffer): JsonObject => {
    const parsed = recordedBatchBody(bytes)
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as JsonObject) : {}
  }

  return {
    serves: (path) => path === '/v1/files' || path.startsWith('/v1/files/') || path === '/v1/batches' || path.startsWith('/v1/batches/') || path.startsWith('/v1/messages/batches'),

    async answer(request, path, bytes, context) {
      const method = request.method ?? 'GET'
      if (method === 'POST' && path === '/v1/files') {
        const form = await new Response(bytes, { headers: { 'content-type': request.headers['content-type'] ?? '' } }).formData()
        const file = form.get('file')
        return uploadFile(files, form, context, typeof file === 'string' || file === null ? bytes : Buffer.from(await file.arrayBuffer()))
      }
      if (method === 'POST' && path === '/v1/batches') return createBatch(files, openaiBatches, json(bytes), context)
      if (method === 'POST' && path === '/v1/messages/batches') return createMessageBatch(messageBatches, json(bytes), context)
      if (method === 'GET') {
        const file = filePath.exec(path)
        if (file) return readFile(files, file[1]!, file[2] !== undefined)
        const batch = batchPath.exec(path)
        if (batch) return retrieveBatch(openaiBatches, batch[1]!)
        const messageBatch = messageBatchPath.exec(path)
        if (messageBatch) {
          return messageBatch[2] === undefined
            ? retrieveMessageBatch(messageBatches, messageBatch[1]!, context.requestId)
            : messageBatchResults(messageBatches, messageBatch[1]!, context.requestId)
        }
      }
      const message = `Unknown route ${method} ${path}`
      return { type: 'json', status: 404, body: path.startsWith('/v1/messages') ? anthropicErrorBody(404, message, context.requestId) : openaiErrorBody(404, message) }
    },

    complete(id, context) {
      const openaiBatch = openaiBatches.get(id)
      if (openaiBatch) return completeOpenAIBatch(openaiBatch, files, context)
      const messageBatch = messageBatches.get(id)
      if (messageBatch) return completeMessageBatch(messageBatch, context.baseURL, context)
      throw new Error(`fakeProvider.completeBatch: no batch '${id}'`)
    },

    reset() {
      files.clear()
      openaiBatches.clear()
      messageBatches.clear()
    },
  }
}
