import type { CallRequest } from '@finops-ai/core'

type ProviderAttributes = NonNullable<CallRequest['providerAttributes']>

/** `openai.api.type`: which OpenAI API a call used, `chat_completions` or `responses`. */
export const ATTR_OPENAI_API_TYPE = 'openai.api.type'
/** `openai.response.system_fingerprint`: the backend configuration a chat completion ran with. */
export const ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT = 'openai.response.system_fingerprint'

/** The request attributes of a Chat Completions call (one frozen object: no allocation per call). */
export const CHAT_COMPLETIONS_API: ProviderAttributes = Object.freeze({ [ATTR_OPENAI_API_TYPE]: 'chat_completions' })
/** The request attributes of a Responses call. */
export const RESPONSES_API: ProviderAttributes = Object.freeze({ [ATTR_OPENAI_API_TYPE]: 'responses' })

const MAX_FINGERPRINTS = 64
const fingerprints = new Map<string, ProviderAttributes>()

/**
 * The result attributes of a response with `system_fingerprint` `fingerprint`; a backend has few
 * fingerprints at a time, so the objects of recent ones are kept (frozen) and shared.
 */
export function systemFingerprintAttributes(fingerprint: string): ProviderAttributes {
  let attributes = fingerprints.get(fingerprint)
  if (attributes === undefined) {
    attributes = Object.freeze({ [ATTR_OPENAI_RESPONSE_SYSTEM_FINGERPRINT]: fingerprint })
    if (fingerprints.size >= MAX_FINGERPRINTS) fingerprints.delete(fingerprints.keys().next().value as string)
    fingerprints.set(fingerprint, attributes)
  }
  return attributes
}
