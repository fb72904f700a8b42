import type Anthropic from '@anthropic-ai/sdk'
import type OpenAI from 'openai'

/** What the route handlers pass to an SDK call. */
export interface SdkRequestOptions {
  signal: AbortSignal
  headers: Record<string, string>
}

/** An SDK call in flight (an `APIPromise`): its parsed data and the raw upstream response. */
export interface SdkCall {
  withResponse(): Promise<{ data: unknown; response: Response }>
}

/**
 * How a streamed answer is re-emitted: `'data'` as `data:` lines ending with `data: [DONE]`
 * (Chat Completions), `'events'` as `event: <type>` + `data:` records (Responses, Anthropic Messages).
 */
export type StreamFormat = 'data' | 'events'

interface RouteBase {
  method: 'GET' | 'POST'
  /** Set when the endpoint streams on `"stream": true`. */
  stream?: StreamFormat
}

/** An endpoint served by the OpenAI upstream. */
export interface OpenAIRoute extends RouteBase {
  provider: 'openai'
  send(client: OpenAI, body: Record<string, unknown>, options: SdkRequestOptions): SdkCall
}

/** An endpoint served by the Anthropic upstream. */
export interface AnthropicRoute extends RouteBase {
  provider: 'anthropic'
  send(client: Anthropic, body: Record<string, unknown>, options: SdkRequestOptions): SdkCall
}

/** One endpoint of the gateway. */
export type GatewayRoute = OpenAIRoute | AnthropicRoute

// The bodies are forwarded as the caller wrote them; the SDK types do not constrain them.
type AnyBody = never

/**
 * Every endpoint, by path. Model calls go through the wrapped clients' resource methods (so core
 * guards, prices and records them); `GET /v1/models` and `count_tokens` are not model calls and go
 * through the client's plain `get`/`post` (same auth, base URL and errors, no bookkeeping).
 * No other path is forwarded: callers cannot reach any other upstream URL.
 */
export const gatewayRoutes: ReadonlyMap<string, GatewayRoute> = new Map<string, GatewayRoute>([
  ['/v1/chat/completions', { provider: 'openai', method: 'POST', stream: 'data', send: (client, body, options) => client.chat.completions.create(body as AnyBody, options) }],
  ['/v1/responses', { provider: 'openai', method: 'POST', stream: 'events', send: (client, body, options) => client.responses.create(body as AnyBody, options) }],
  ['/v1/embeddings', { provider: 'openai', method: 'POST', send: (client, body, options) => client.embeddings.create(body as AnyBody, options) }],
  ['/v1/models', { provider: 'openai', method: 'GET', send: (client, _body, options) => client.get('/models', options) }],
  ['/v1/messages', { provider: 'anthropic', method: 'POST', stream: 'events', send: (client, body, options) => client.messages.create(body as AnyBody, options) }],
  ['/v1/messages/count_tokens', { provider: 'anthropic', method: 'POST', send: (client, body, options) => client.post('/v1/messages/count_tokens', { ...options, body }) }],
])
