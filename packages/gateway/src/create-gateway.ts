import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { credentialsInQuery } from './admit-caller.js'
import type { GatewayOptions } from './gateway-options.js'
import { gatewayRoutes } from './gateway-routes.js'
import { handleCall } from './handle-call.js'
import { refusalReply } from './refusal-reply.js'
import { sendReply } from './reply.js'
import { createUpstreamClients } from './upstream-clients.js'

/** A gateway: its HTTP server (not yet listening), its request handler, and a graceful `close`. */
export interface Gateway {
  /** A Node HTTP server serving {@link Gateway.handler}; call `server.listen(port, host)`. */
  readonly server: Server
  /** The request handler, to mount in an existing Node HTTP server instead of `server`. */
  readonly handler: (request: IncomingMessage, response: ServerResponse) => void
  /**
   * Graceful shutdown: stops accepting connections, lets in-flight calls (streams included) finish
   * up to `shutdownTimeoutMs` and then cuts them (each settles what it used), flushes the engine's
   * pending settlements and usage sinks, and closes the key store.
   */
  close(): Promise<void>
}

const MiB = 1024 * 1024
const CREDENTIALS_IN_QUERY = 'finops-ai gateway: credentials are not accepted in the URL, where proxies and logs keep them; send the key as `Authorization: Bearer <key>` or `x-api-key: <key>`'

/**
 * Creates the AI proxy: OpenAI-compatible `POST /v1/chat/completions`, `/v1/responses`,
 * `/v1/embeddings`, `GET /v1/models`, and Anthropic-compatible `POST /v1/messages`,
 * `/v1/messages/count_tokens`, behind virtual keys; plus `GET /healthz` and `/readyz`. Each model
 * call runs through `withFinOps`-wrapped SDK clients on `options.finops` under the key's
 * attribution, so policies, guards, prices, spans and usage records are the engine's.
 *
 * @example
 * const gateway = createGateway({ finops: createFinOps({ policies: 'policies.yaml' }), keys: fileKeyStore('keys.json') })
 * gateway.server.listen(8787)
 */
export function createGateway(options: GatewayOptions): Gateway {
  const clients = createUpstreamClients(options.finops, options.upstreams ?? {}, options.upstreamTimeoutMs ?? 600_000)
  const context = { keys: options.keys, clients, maxBodyBytes: options.maxBodyBytes ?? 10 * MiB }
  const maxHeaders = options.maxHeaders ?? 100
  /** Calls being served, with the response each writes (cut at the shutdown deadline). */
  const inFlight = new Map<Promise<void>, ServerResponse>()
  let closing: Promise<void> | undefined

  const serve = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = request.url ?? '/'
    const queryStart = url.indexOf('?')
    // Paths are matched exactly, never normalised: `/v1/../admin`, `%2e%2e`, `//v1/…` are all 404.
    const path = queryStart === -1 ? url : url.slice(0, queryStart)
    if (path === '/healthz') return sendReply(response, { status: 200, headers: {}, body: { status: 'ok' } })
    if (path === '/readyz') return sendReply(response, closing ? { status: 503, headers: {}, body: { status: 'closing' } } : { status: 200, headers: {}, body: { status: 'ready' } })
    const route = gatewayRoutes.get(path)
    if (route === undefined) return sendReply(response, refusalReply('openai', { status: 404, message: `finops-ai gateway: no endpoint ${request.method ?? ''} ${path}` }))
    if (request.method !== route.method) {
      return sendReply(response, refusalReply(route.provider, { status: 405, message: `finops-ai gateway: ${path} accepts ${route.method} only`, headers: { allow: route.method } }))
    }
    if (request.rawHeaders.length / 2 > maxHeaders) {
      return sendReply(response, refusalReply(route.provider, { status: 431, message: `finops-ai gateway: more than ${maxHeaders} request headers` }))
    }
    if (queryStart !== -1 && credentialsInQuery(url.slice(queryStart + 1))) {
      return sendReply(response, refusalReply(route.provider, { status: 400, message: CREDENTIALS_IN_QUERY, code: 'credentials_in_query' }))
    }
    if (closing) return sendReply(response, refusalReply(route.provider, { status: 503, message: 'finops-ai gateway: shutting down' }))
    await handleCall(route, request, response, context)
  }

  const handler = (request: IncomingMessage, response: ServerResponse): void => {
    // A body refused unread (413) is not drained: the connection closes after the answer.
    const socket = request.socket
    response.once('finish', () => {
      if (response.statusCode === 413 && !request.complete) socket.end()
    })
    const call = serve(request, response).catch(() => {
      if (!response.headersSent) sendReply(response, refusalReply('openai', { status: 500, message: 'finops-ai gateway: internal error' }))
      else response.destroy()
    })
    inFlight.set(call, response)
    void call.finally(() => inFlight.delete(call))
  }

  const requestTimeout = options.requestTimeoutMs ?? 60_000
  // Node requires headersTimeout ≤ requestTimeout, and checks both every connectionsCheckingInterval.
  const headersTimeout = Math.min(options.headersTimeoutMs ?? 10_000, requestTimeout)
  const server = createServer(
    { requestTimeout, headersTimeout, connectionsCheckingInterval: Math.min(30_000, Math.ceil(headersTimeout / 10)), keepAliveTimeout: options.keepAliveTimeoutMs ?? 5_000 },
    handler,
  )
  // One more than allowed is parsed, so that exceeding the limit is seen (Node drops the rest).
  server.maxHeadersCount = maxHeaders + 1

  const shutdown = async (): Promise<void> => {
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()))
    server.closeIdleConnections()
    const deadline = options.shutdownTimeoutMs ?? 30_000
    let timer: NodeJS.Timeout | undefined
    const expired = new Promise<void>((resolve) => (timer = setTimeout(resolve, deadline).unref()))
    await Promise.race([Promise.allSettled(inFlight.keys()), expired])
    clearTimeout(timer)
    // Destroying a response aborts its upstream request (see handleCall), in a mounted handler too.
    for (const response of inFlight.values()) response.destroy()
    server.closeAllConnections()
    await Promise.allSettled(inFlight.keys())
    await stopped
    await options.finops.flush()
    options.keys.close?.()
  }

  return {
    server,
    handler,
    close() {
      closing ??= shutdown()
      return closing
    },
  }
}
