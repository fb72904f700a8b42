import type { Attributes } from '@opentelemetry/api'
import type { ProviderAttributes } from '../call/call-request.js'

/**
 * Writes the `attributes` whose name is in the namespace of `provider` (`openai.api.type` when
 * `provider` is `openai`) into `target`; others are left out, as the GenAI conventions expect
 * provider-specific attributes only with their `gen_ai.provider.name` (no `openai.*` on an
 * `azure.ai.openai` span).
 */
export function addProviderAttributes(target: Attributes, attributes: ProviderAttributes, provider: string): Attributes {
  for (const name in attributes) {
    if (name.length > provider.length && name.charCodeAt(provider.length) === 46 /* . */ && name.startsWith(provider)) {
      target[name] = attributes[name]
    }
  }
  return target
}
