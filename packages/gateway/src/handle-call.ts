import type { IncomingMessage, ServerResponse } from 'node:http'
import { withAttribution } from '@finops-ai/core'
import { admitCaller, callAttribution, modelRefusal } from './admit-caller.js'
import { errorReply, isCallerAbort, streamFailureReply } from './error-reply.js'
import { forwardedRequestHeaders, forwardedResponseHeaders } from './forwarded-headers.js'
import type { GatewayRoute, SdkCall, SdkRequestOptions } from './gateway-routes.js'
import type { VirtualKeyStore } from './keys/index.js'
import { readJsonBody } from './read-request-body.js'
import { refusalReply } from './refusal-reply.js'
import { sendReply } from './reply.js'
import type { UpstreamClients } from './upstream-clients.js'
import { endEventStreamWithError, startEventStream, writeEventStream } from './write-event-stream.js'

/** What {@link handleCall} needs from the gateway. */
export interface CallContext {
  keys: VirtualKeyStore
  clients: UpstreamClients
  maxBodyBytes: number
}

/**
 * Serves one call of a known route: authenticate the virtual key, check its provider and model
 * allow-lists, then forward through the wrapped SDK client inside the key's attribution scope and
 * write the answer — JSON, or SSE re-emitted event by event. A client that goes away aborts the
 * upstream request (core settles what was used).
 */
export async function handleCall(route: GatewayRoute, request: IncomingMessage, response: ServerResponse, context: CallContext): Promise<void> {
  const { provider } = route
  const admission = admitCaller(context.keys, request.headers, provider)
  if ('refusal' in admission) return sendReply(response, refusalReply(provider, admission.refusal))
  if (context.clients[provider] === undefined) {
    return sendReply(response, refusalReply(provider, { status: 404, message: `finops-ai gateway: no ${provider} upstream is configured` }))
  }
  let body: Record<string, unknown> = {}
  if (route.method === 'POST') {
    const reading = await readJsonBody(request, context.maxBodyBytes)
    if ('refusal' in reading) return sendReply(response, refusalReply(provider, reading.refusal))
    body = reading.body
    const refusal = modelRefusal(admission.key, body.model)
    if (refusal) return sendReply(response, refusalReply(provider, refusal))
  }

  const controller = new AbortController()
  response.once('close', () => {
    if (!response.writableFinished) controller.abort()
  })
  const options: SdkRequestOptions = { signal: controller.signal, headers: forwardedRequestHeaders(request.headers) }
  const streaming = route.stream !== undefined && body.stream === true
  try {
    const call = withAttribution(callAttribution(admission.key, request.headers), () => send(route, context.clients, body, options))
    const { data, response: upstream } = await call.withResponse()
    const headers = forwardedResponseHeaders(upstream.headers)
    if (!streaming) return sendReply(response, { status: upstream.status, headers, body: data })
    startEventStream(response, headers)
    await writeEventStream(response, data as AsyncIterable<unknown>, route.stream!)
  } catch (error) {
    if (isCallerAbort(error) || controller.signal.aborted) return
    if (response.headersSent) endEventStreamWithError(response, route.stream!, streamFailureReply(provider, error).body)
    else sendReply(response, errorReply(provider, error))
  }
}

function send(route: GatewayRoute, clients: UpstreamClients, body: Record<string, unknown>, options: SdkRequestOptions): SdkCall {
  return route.provider === 'openai' ? route.send(clients.openai!, body, options) : route.send(clients.anthropic!, body, options)
}
