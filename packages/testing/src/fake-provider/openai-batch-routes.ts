import { chatCompletionsRoute } from './openai-chat-route.js'
import { completionsRoute } from './openai-completions-route.js'
import { embeddingsRoute } from './openai-embeddings-route.js'
import { responsesRoute } from './openai-responses-route.js'
import { objectField, type JsonObject, type Route, type RouteContext, type RouteResult } from './fake-route.js'
import { openaiErrorBody } from './provider-errors.js'

/** An uploaded file (`POST /v1/files`) with its bytes, kept for batch input and output files. */
export interface FakeFile {
  object: JsonObject
  bytes: Buffer
}

/** One OpenAI batch: the `Batch` object served and the JSONL lines of its input file. */
export interface FakeOpenAIBatch {
  object: JsonObject
  lines: JsonObject[]
}

/** The routes a batch input line may name (`url`), answered as the live endpoints answer. */
const LINE_ROUTES: Record<string, Route> = {
  '/v1/chat/completions': chatCompletionsRoute,
  '/v1/responses': responsesRoute,
  '/v1/embeddings': embeddingsRoute,
  '/v1/completions': completionsRoute,
}

const notFound = (what: string): RouteResult => ({ type: 'json', status: 404, body: openaiErrorBody(404, `No such ${what}`) })

/** `POST /v1/files` (`purpose`, `file`): the `FileObject`, bytes kept for `GET /v1/files/:id/content`. */
export function uploadFile(files: Map<string, FakeFile>, form: FormData, context: Pick<RouteContext, 'nextId' | 'now'>, bytes: Buffer): RouteResult {
  const file = form.get('file')
  const purpose = form.get('purpose')
  if (typeof file === 'string' || file === null || typeof purpose !== 'string') {
    return { type: 'json', status: 400, body: openaiErrorBody(400, "'file' and 'purpose' are required") }
  }
  const id = context.nextId('file-fake-')
  const object = { id, object: 'file', bytes: bytes.length, created_at: context.now, filename: file.name, purpose, status: 'processed' }
  files.set(id, { object, bytes })
  return { type: 'json', status: 200, body: object }
}

/** `GET /v1/files/:id` and `GET /v1/files/:id/content`. */
export function readFile(files: Map<string, FakeFile>, id: string, content: boolean): RouteResult {
  const file = files.get(id)
  if (file === undefined) return notFound(`file: ${id}`)
  return content ? { type: 'bytes', status: 200, contentType: 'application/octet-stream', body: file.bytes } : { type: 'json', status: 200, body: file.object }
}

/** `POST /v1/batches`: a `validating` batch over the lines of `input_file_id`. */
export function createBatch(files: Map<string, FakeFile>, batches: Map<string, FakeOpenAIBatch>, body: JsonObject, context: Pick<RouteContext, 'nextId' | 'now'>): RouteResult {
  const input = typeof body.input_file_id === 'string' ? files.get(body.input_file_id) : undefined
  if (input === undefined) return { type: 'json', status: 400, body: openaiErrorBody(400, 'input_file_id: no such file') }
  const lines = input.bytes
    .toString('utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as JsonObject)
  const id = context.nextId('batch_fake_')
  const object: JsonObject = {
    id,
    object: 'batch',
    endpoint: body.endpoint,
    completion_window: body.completion_window,
    input_file_id: body.input_file_id,
    status: 'validating',
    created_at: context.now,
    expires_at: context.now + 86_400,
    metadata: body.metadata ?? null,
    request_counts: { total: lines.length, completed: 0, failed: 0 },
  }
  batches.set(id, { object, lines })
  return { type: 'json', status: 200, body: object }
}

/** `GET /v1/batches/:id`: `in_progress` until completed by `provider.completeBatch(id)`. */
export function retrieveBatch(batches: Map<string, FakeOpenAIBatch>, id: string): RouteResult {
  const batch = batches.get(id)
  if (batch === undefined) return notFound(`batch: ${id}`)
  if (batch.object.status === 'validating') batch.object.status = 'in_progress'
  return { type: 'json', status: 200, body: batch.object }
}

/**
 * Runs every line of a batch through its live route, writes the output file (one
 * `{ id, custom_id, response: { status_code, request_id, body }, error }` line per request) and
 * marks the batch `completed` with `output_file_id`, `request_counts`, `model` and the summed
 * `usage` (input with cached, output with reasoning details), as batches created after
 * 2025-09-07 report it.
 */
export function completeOpenAIBatch(batch: FakeOpenAIBatch, files: Map<string, FakeFile>, context: Omit<RouteContext, 'body'>): void {
  const usage = { input: 0, cached: 0, output: 0, reasoning: 0 }
  const output: string[] = []
  let model: unknown
  for (const line of batch.lines) {
    const body = objectField(line.body) ?? {}
    model ??= body.model
    const route = Object.hasOwn(LINE_ROUTES, String(line.url)) ? LINE_ROUTES[String(line.url)] : undefined
    const result = route?.({ ...context, body })
    const response = result?.type === 'json' ? objectField(result.body) : undefined
    const reported = objectField(response?.usage) ?? {}
    usage.input += Number(reported.prompt_tokens ?? reported.input_tokens ?? 0)
    usage.output += Number(reported.completion_tokens ?? reported.output_tokens ?? 0)
    usage.cached += Number(objectField(reported.prompt_tokens_details ?? reported.input_tokens_details)?.cached_tokens ?? 0)
    usage.reasoning += Number(objectField(reported.completion_tokens_details ?? reported.output_tokens_details)?.reasoning_tokens ?? 0)
    output.push(
      JSON.stringify({
        id: context.nextId('batch_req_fake_'),
        custom_id: line.custom_id,
        response: { status_code: result?.type === 'json' ? result.status : 404, request_id: context.requestId, body: response ?? null },
        error: null,
      }),
    )
  }
  const outputId = context.nextId('file-fake-')
  const bytes = Buffer.from(output.join('\n') + '\n')
  files.set(outputId, { object: { id: outputId, object: 'file', bytes: bytes.length, created_at: context.now, filename: 'batch_output.jsonl', purpose: 'batch_output', status: 'processed' }, bytes })
  Object.assign(batch.object, {
    status: 'completed',
    in_progress_at: batch.object.created_at,
    finalizing_at: context.now,
    completed_at: context.now,
    output_file_id: outputId,
    model,
    request_counts: { total: batch.lines.length, completed: batch.lines.length, failed: 0 },
    usage: {
      input_tokens: usage.input,
      input_tokens_details: { cached_tokens: usage.cached },
      output_tokens: usage.output,
      output_tokens_details: { reasoning_tokens: usage.reasoning },
      total_tokens: usage.input + usage.output,
    },
  })
}
