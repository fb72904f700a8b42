import { diag } from '@opentelemetry/api'
import { numberField, objectField } from '@finops-ai/core'

/** The `messages.create` parameters that `countTokens` accepts (and that change the input count). */
const COUNT_TOKENS_FIELDS = [
  'model',
  'messages',
  'system',
  'tools',
  'tool_choice',
  'thinking',
  'output_config',
  'output_format',
  'cache_control',
  'mcp_servers',
  'context_management',
  'betas',
] as const

/** A messages resource with its `countTokens` method (`messages` or `beta.messages`). */
export interface CountingResource {
  countTokens?: (this: unknown, params: Record<string, unknown>, options?: unknown) => PromiseLike<unknown>
}

/**
 * For `countTokens: true`: the request's `countInputTokens`, which asks the resource's
 * `countTokens` for the exact input tokens of `body`. The engine calls it only when it reserves
 * for the call (guards configured, not answered from the response cache), so no count is made
 * without policies or for a cache hit. When counting fails (or the resource has no
 * `countTokens`), it resolves `undefined` and the local estimate stays; the failure is logged
 * through OTel `diag`, never thrown. The caller's abort `signal` and `headers` (e.g.
 * `anthropic-beta`) go with the count request.
 */
export function inputTokenCounter(resource: CountingResource, body: Record<string, unknown>, options: unknown): () => Promise<number | undefined> {
  return () => countInputTokens(resource, body, options)
}

async function countInputTokens(resource: CountingResource, body: Record<string, unknown>, options: unknown): Promise<number | undefined> {
  const countTokens = resource.countTokens
  if (typeof countTokens !== 'function') return undefined
  const params: Record<string, unknown> = {}
  for (const field of COUNT_TOKENS_FIELDS) if (body[field] !== undefined) params[field] = body[field]
  const { signal, headers } = objectField(options) ?? {}
  try {
    const counted = await countTokens.call(resource, params, { signal, headers })
    return numberField(objectField(counted)?.input_tokens)
  } catch (error) {
    diag.warn('finops-ai: messages.countTokens failed; reserving the local input estimate', error)
    return undefined
  }
}
