import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { countTokensRoute, messagesRoute } from './anthropic-messages-route.js'
import { anthropicOrganizationCostRoute, anthropicOrganizationUsageRoute } from './anthropic-organization-usage-route.js'
import type { JsonObject, Route, RouteResult } from './fake-route.js'
import type { UsageOverrides } from './fake-usage.js'
import { chatCompletionsRoute } from './openai-chat-route.js'
import { completionsRoute } from './openai-completions-route.js'
import { embeddingsRoute } from './openai-embeddings-route.js'
import { openaiOrganizationCostsRoute, openaiOrganizationUsageRoute } from './openai-organization-usage-route.js'
import type { AdminRoute, OrganizationUsageReport } from './organization-usage.js'
import { responsesRoute } from './openai-responses-route.js'
import { speechRoute, transcriptionsRoute, translationsRoute } from './openai-audio-routes.js'
import { imageEditsRoute, imageGenerationsRoute } from './openai-images-route.js'
import { parseMultipartBody } from './multipart-body.js'
import { responsesCompactRoute } from './openai-compact-route.js'
import { decisionsRoute } from './openai-decisions-route.js'
import { anthropicErrorBody, openaiErrorBody } from './provider-errors.js'
import { writeEventStream } from './server-sent-events.js'
import { createFakeBatches, readRequestBytes, recordedBatchBody } from './fake-batches.js'

/** Options of {@link fakeProvider}. */
export interface FakeProviderOptions {
  /** Port to listen on. Default `0`: a free port chosen by the OS. */
  port?: number
  /** Interface to listen on. Default `'127.0.0.1'`. */
  host?: string
}

/** One request as the fake provider received it. */
export interface RecordedRequest {
  /** HTTP method, e.g. `'POST'`. */
  method: string
  /** URL path without the query string, e.g. `'/v1/messages'`. */
  path: string
  /** The full request target, query string included, e.g. `'/v1/messages?beta=true'`. */
  url: string
  /** Request headers, names lower-cased. */
  headers: Record<string, string | string[] | undefined>
  /**
   * The parsed JSON body, or a multipart body as `parseMultipartBody` reads it (uploads as
   * `FakeUpload`s); `undefined` when empty or neither.
   */
  body: unknown
}

/** Failure injected by `provider.failNext`. */
export interface FailNextOptions {
  /** HTTP status to answer with, e.g. 429, 500, 529. */
  status: number
  /** Seconds sent in the `retry-after` header (fractions allowed, e.g. `0.01`). Default: no header. */
  retryAfter?: number
  /** How many following requests fail. Default 1. */
  times?: number
  /** The JSON error body. Default: the provider's own error shape for `status`. */
  body?: unknown
}

/** Options of `provider.cutNextStream`. */
export interface CutStreamOptions {
  /** Server-sent events (`data:` records) written before the socket is destroyed. */
  afterChunks: number
}

/** A running fake provider; see {@link fakeProvider}. */
export interface FakeProvider {
  /** `http://HOST:PORT`. */
  readonly url: string
  /** `${url}/v1`, the `baseURL` for `new OpenAI({ baseURL, apiKey })`. */
  readonly openaiBaseURL: string
  /** `url`, the `baseURL` for `new Anthropic({ baseURL, apiKey })`. */
  readonly anthropicBaseURL: string
  /** Every received request in arrival order, failed ones included. */
  readonly requests: RecordedRequest[]
  /** Makes the next `times` requests (default 1) fail with `status`, in the provider's error shape. */
  failNext(options: FailNextOptions): void
  /** Delays every following response (before its headers and first stream event) by `ms`. */
  setLatency(ms: number): void
  /** Makes the next streamed response drop its connection after `afterChunks` events. */
  cutNextStream(options: CutStreamOptions): void
  /** Adds cache, reasoning, tier and web-search usage to following responses (merged with earlier overrides until `reset`). */
  setUsage(overrides: UsageOverrides): void
  /** Sets how many words the model wants to reply (default 16); a lower token limit truncates. */
  setReplyWords(words: number): void
  /**
   * Seeds what the admin usage and cost report endpoints answer (both providers; each row names
   * its provider). Replaces earlier seeds; `reset` clears them.
   */
  setOrganizationUsage(report: OrganizationUsageReport): void
  /**
   * Ends a batch created through the fake provider (an OpenAI `batch_…` or Anthropic `msgbatch_…`
   * id): OpenAI batches become `completed` with an output file and summed `usage`, Anthropic ones
   * `ended` with their results. Until then they stay in progress. Each request of the batch is
   * answered as its live endpoint would answer it now (same token rule and knobs).
   * @throws Error for an unknown batch id.
   */
  completeBatch(id: string): void
  /** Clears every knob, the recorded requests and the id counter. */
  reset(): void
  /** Stops the server and drops open connections. */
  close(): Promise<void>
}

interface Failure {
  options: FailNextOptions
  remaining: number
}

const ROUTES: Record<string, { route: Route; anthropic: boolean }> = {
  '/v1/chat/completions': { route: chatCompletionsRoute, anthropic: false },
  '/v1/responses': { route: responsesRoute, anthropic: false },
  '/v1/embeddings': { route: embeddingsRoute, anthropic: false },
  '/v1/completions': { route: completionsRoute, anthropic: false },
  '/v1/images/generations': { route: imageGenerationsRoute, anthropic: false },
  '/v1/images/edits': { route: imageEditsRoute, anthropic: false },
  '/v1/audio/transcriptions': { route: transcriptionsRoute, anthropic: false },
  '/v1/audio/translations': { route: translationsRoute, anthropic: false },
  '/v1/audio/speech': { route: speechRoute, anthropic: false },
  '/v1/responses/compact': { route: responsesCompactRoute, anthropic: false },
  '/v1/decisions': { route: decisionsRoute, anthropic: false },
  '/v1/messages': { route: messagesRoute, anthropic: true },
  '/v1/messages/count_tokens': { route: countTokensRoute, anthropic: true },
}

/** `GET` admin report endpoints, served from the `setOrganizationUsage` seed. */
const ADMIN_ROUTES: Record<string, { route: AdminRoute; anthropic: boolean }> = {
  '/v1/organization/usage/completions': { route: openaiOrganizationUsageRoute('completions'), anthropic: false },
  '/v1/organization/usage/embeddings': { route: openaiOrganizationUsageRoute('embeddings'), anthropic: false },
  '/v1/organization/costs': { route: openaiOrganizationCostsRoute, anthropic: false },
  '/v1/organizations/analytics/usage': { route: anthropicOrganizationUsageRoute, anthropic: true },
  '/v1/organizations/analytics/cost': { route: anthropicOrganizationCostRoute, anthropic: true },
}

const DEFAULT_REPLY_WORDS = 16

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  if (chunks.length === 0) return undefined
  const type = request.headers['content-type'] ?? ''
  if (type.startsWith('multipart/form-data')) return parseMultipartBody(Buffer.concat(chunks), type)
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown
  } catch {
    return undefined
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string>) => {
  response.writeHead(status, { ...headers, 'content-type': 'application/json' })
  response.end(JSON.stringify(body))
}

/**
 * Starts a local HTTP server that speaks the OpenAI and Anthropic wire formats, for tests, demos
 * and CI without network or keys.
 *
 * Endpoints: `POST /v1/chat/completions`, `/v1/responses`, `/v1/embeddings`, `/v1/completions`,
 * `/v1/images/generations`, `/v1/images/edits`, `/v1/audio/transcriptions`,
 * `/v1/audio/translations`, `/v1/audio/speech`, `/v1/responses/compact`, `/v1/decisions` (OpenAI;
 * multipart bodies parsed, see `parseMultipartBody`; image, audio and speech rules in their routes
 * and `fake-media.ts`) and `/v1/messages`, `/v1/messages/count_tokens` (Anthropic; `?beta=true` accepted),
 * each with SSE streaming where the real API has it. The `model` is echoed as given.
 * Batches (see `fake-batches.ts`): OpenAI `POST /v1/files` (multipart upload), `GET /v1/files/:id`
 * and `/content`, `POST /v1/batches`, `GET /v1/batches/:id`; Anthropic `POST /v1/messages/batches`,
 * `GET /v1/messages/batches/:id` and `/results` (JSONL). Batches stay in progress until
 * `completeBatch(id)`.
 * Admin reports (`GET`, seeded with `setOrganizationUsage`): OpenAI `/v1/organization/usage/completions`,
 * `/usage/embeddings` and `/v1/organization/costs`; Anthropic `/v1/organizations/analytics/usage` and
 * `/analytics/cost`, in the shapes the SDKs declare, with their paging.
 *
 * Token rule (deterministic, see {@link fakeTokenCount}): one token per whitespace-separated word.
 * - Input tokens = words in all text of the request: chat `messages[].content`, Responses
 *   `instructions` + `input`, Anthropic `system` + `messages[].content`, legacy `prompt`,
 *   embeddings `input` (text parts by their `text`, tool results by their content; a token id of
 *   a pre-tokenised prompt counts 1; tool definitions and schemas do not count). The
 *   `setUsage` cache counts are parts of that input (the input is raised to their sum if it is
 *   smaller); Anthropic reports `input_tokens` = input − cache reads − cache writes.
 * - The reply is the first `min(replyWords, limit)` words of a fixed 16-word sentence (cycled),
 *   where `replyWords` is 16 unless `setReplyWords(n)` changed it and `limit` is the request's
 *   `max_completion_tokens`/`max_tokens`/`max_output_tokens` (none: no limit). Output tokens =
 *   its words (+ `reasoningTokens`). When the limit is smaller than `replyWords` the reply is cut:
 *   `finish_reason: 'length'`, `stop_reason: 'max_tokens'`, Responses status `incomplete`.
 *   Structured output answers a JSON document (required properties set to a default of their
 *   type); a tool call answers the tool's name and default arguments — both count their words.
 * - Streams carry one word per text delta, so `setReplyWords(200)` gives 200 delta events.
 *   `n` choices repeat the reply (one chunk per choice) and multiply its output tokens.
 *   Events of a W-word streamed reply, for `cutNextStream({ afterChunks })`: chat W + 2 (role
 *   chunk, words, finish chunk) + 1 usage chunk if `include_usage` + `[DONE]`; legacy
 *   completions W + 1 (+ 1) + `[DONE]`; Responses W + 8 (+ 2 per hosted tool); Anthropic W + 6
 *   (a `ping` included).
 *
 * @example
 * const provider = await fakeProvider()
 * const openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
 * provider.failNext({ status: 429, retryAfter: 0.01 })
 * await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Hi there' }] })
 * provider.requests.length // 2: one 429, one retry
 * await provider.close()
 */
export async function fakeProvider(options: FakeProviderOptions = {}): Promise<FakeProvider> {
  const host = options.host ?? '127.0.0.1'
  const requests: RecordedRequest[] = []
  let failures: Failure[] = []
  let latency = 0
  let cut: CutStreamOptions | undefined
  let usage: UsageOverrides = {}
  let replyWords = DEFAULT_REPLY_WORDS
  let organizationUsage: OrganizationUsageReport = { rows: [] }
  let counter = 0
  const nextId = (prefix: string) => {
    counter += 1
    return `${prefix}${counter}`
  }

  const batches = createFakeBatches()
  let serverURL = ''
  const batchContext = (requestId: string, baseURL = serverURL) => ({ usage, replyWords, nextId, requestId, now: Math.floor(Date.now() / 1000), baseURL })

  const handle = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = request.url ?? '/'
    const queryStart = url.indexOf('?')
    const path = queryStart === -1 ? url : url.slice(0, queryStart)
    const batchBytes = batches.serves(path) ? await readRequestBytes(request) : undefined
    const body = batchBytes === undefined ? await readBody(request) : recordedBatchBody(batchBytes)
    requests.push({ method: request.method ?? 'GET', path, url, headers: { ...request.headers }, body })
    const requestId = nextId('req_fake_')
    const headers = { 'x-request-id': requestId, 'request-id': requestId }
    const entry = ROUTES[path]
    const admin = ADMIN_ROUTES[path]
    const anthropic = entry?.anthropic ?? admin?.anthropic ?? path.startsWith('/v1/messages')
    const errorBody = (status: number, message: string) =>
      anthropic ? anthropicErrorBody(status, message, requestId) : openaiErrorBody(status, message)

    const failure = failures[0]
    if (failure) {
      failure.remaining -= 1
      if (failure.remaining <= 0) failures = failures.slice(1)
      if (latency > 0) await sleep(latency)
      const { status, retryAfter } = failure.options
      sendJson(response, status, failure.options.body ?? errorBody(status, `Fake provider failure (${status})`), {
        ...headers,
        ...(retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) }),
      })
      return
    }
    let result: RouteResult
    if (batchBytes !== undefined) {
      result = await batches.answer(request, path, batchBytes, batchContext(requestId, `http://${request.headers.host ?? ''}`))
    } else if (admin && request.method === 'GET') {
      result = admin.route({ query: new URLSearchParams(queryStart === -1 ? '' : url.slice(queryStart + 1)), report: organizationUsage, errorBody })
    } else if (!entry || request.method !== 'POST') {
      result = { type: 'json', status: 404, body: errorBody(404, `Unknown route ${request.method} ${path}`) }
    } else if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      result = { type: 'json', status: 400, body: errorBody(400, 'The request body must be a JSON object') }
    } else if (typeof (body as JsonObject).model !== 'string') {
      result = { type: 'json', status: 400, body: errorBody(400, 'model: a string is required') }
    } else {
      const now = Math.floor(Date.now() / 1000)
      result = entry.route({ body: body as JsonObject, usage, replyWords, nextId, requestId, now })
    }
    if (latency > 0) await sleep(latency)
    if (result.type === 'json') {
      sendJson(response, result.status, result.body, headers)
      return
    }
    if (result.type === 'bytes') {
      response.writeHead(result.status, { ...headers, 'content-type': result.contentType })
      response.end(result.body)
      return
    }
    const afterChunks = cut?.afterChunks
    cut = undefined
    writeEventStream(response, result.events, headers, afterChunks)
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy()
        return
      }
      sendJson(response, 500, openaiErrorBody(500, error instanceof Error ? error.message : String(error)), {})
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  serverURL = url

  return {
    url,
    openaiBaseURL: `${url}/v1`,
    anthropicBaseURL: url,
    requests,
    failNext(failure) {
      failures.push({ options: failure, remaining: failure.times ?? 1 })
    },
    setLatency(ms) {
      latency = Math.max(0, ms)
    },
    cutNextStream(cutOptions) {
      cut = cutOptions
    },
    setUsage(overrides) {
      usage = { ...usage, ...overrides }
    },
    completeBatch(id) {
      batches.complete(id, batchContext(nextId('req_fake_')))
    },
    setReplyWords(words) {
      replyWords = Math.max(0, Math.floor(words))
    },
    setOrganizationUsage(report) {
      organizationUsage = { ...report, rows: [...report.rows] }
    },
    reset() {
      requests.length = 0
      failures = []
      latency = 0
      cut = undefined
      usage = {}
      replyWords = DEFAULT_REPLY_WORDS
      organizationUsage = { rows: [] }
      counter = 0
      batches.reset()
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
    },
  }
}
