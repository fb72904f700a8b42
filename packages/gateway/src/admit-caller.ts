import type { IncomingHttpHeaders } from 'node:http'
import type { Attribution } from '@finops-ai/core'
import type { VirtualKey, VirtualKeyStore } from './keys/index.js'
import type { ProviderName } from './provider-name.js'
import type { Refusal } from './refusal-reply.js'

/** Who is calling: the virtual key, or why the call is refused. */
export type Admission = { key: VirtualKey } | { refusal: Refusal }

/** The secret a caller presents: `x-api-key` (Anthropic style) or `Authorization: Bearer` (OpenAI style). */
export function presentedSecret(headers: IncomingHttpHeaders): string | undefined {
  const apiKey = headers['x-api-key']
  if (typeof apiKey === 'string' && apiKey !== '') return apiKey
  const authorization = headers.authorization
  if (authorization === undefined || !/^bearer /i.test(authorization)) return undefined
  return authorization.slice(7).trim() || undefined
}

/** Query parameters that carry credentials in some APIs (`?key=`, `?api-key=`, `?access_token=`, …). */
const CREDENTIAL_PARAMETERS = new Set(['key', 'api_key', 'api-key', 'apikey', 'x-api-key', 'access_token', 'token', 'authorization'])

/**
 * True when a query string carries a credential: a parameter named like one, or a value that looks
 * like a virtual key (`fo-…`) or a provider key (`sk-…`). Such requests are refused, whatever else
 * they hold: a key in a URL ends up in proxy and access logs.
 */
export function credentialsInQuery(query: string): boolean {
  for (const [name, value] of new URLSearchParams(query)) {
    if (CREDENTIAL_PARAMETERS.has(name.toLowerCase()) || value.startsWith('fo-') || value.startsWith('sk-')) return true
  }
  return false
}

/** Authenticates the caller (401) and checks that its key may use `provider` (403). */
export function admitCaller(keys: VirtualKeyStore, headers: IncomingHttpHeaders, provider: ProviderName): Admission {
  const secret = presentedSecret(headers)
  const key = secret === undefined ? undefined : keys.lookup(secret)
  if (key === undefined) {
    const message = secret === undefined ? 'finops-ai gateway: no virtual key presented (send it as `Authorization: Bearer <key>` or `x-api-key: <key>`)' : 'finops-ai gateway: invalid virtual key'
    return { refusal: { status: 401, message } }
  }
  if (key.providers !== undefined && !key.providers.includes(provider)) {
    return { refusal: { status: 403, message: `finops-ai gateway: virtual key ${key.id} may not use ${provider}`, code: 'provider_not_allowed' } }
  }
  return { key }
}

/** Refuses (403, naming the model) a model outside the key's allow-list. */
export function modelRefusal(key: VirtualKey, model: unknown): Refusal | undefined {
  if (key.models === undefined || (typeof model === 'string' && key.models.includes(model))) return undefined
  const name = typeof model === 'string' ? `model '${model}'` : 'a request without a model'
  return { status: 403, message: `finops-ai gateway: virtual key ${key.id} may not use ${name}; allowed: ${key.models.join(', ')}`, code: 'model_not_allowed' }
}

/** The call's attribution: the key's, plus `user` from the key's `userHeader` when the caller sent it. */
export function callAttribution(key: VirtualKey, headers: IncomingHttpHeaders): Attribution {
  if (key.userHeader === undefined) return key.attribution
  const user = headers[key.userHeader.toLowerCase()]
  return typeof user === 'string' && user !== '' ? { ...key.attribution, user } : key.attribution
}
