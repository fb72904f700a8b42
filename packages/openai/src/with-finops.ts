import type OpenAI from 'openai'
import { callPathOf, ConfigError, validateAttribution } from '@finops-ai/core'
import type { FinOpsOpenAIOptions, StreamUsageMode } from './finops-openai-options.js'
import { wrapOpenAI } from './wrap-openai.js'

const streamUsageModes: readonly StreamUsageMode[] = ['inject', 'estimate', 'off']

/**
 * Routes every call of an `openai` client through finops-ai: attribution, guards (a denied call
 * rejects with `LimitExceededError` / `MissingAttributionError` and is never sent), pricing, an
 * OpenTelemetry GenAI span and a usage record per call.
 *
 * Returns the same client, patched in place: `APIPromise` (`.withResponse()`, `.asResponse()`,
 * `_request_id`), `Stream` (`tee()`, `toReadableStream()`, `controller`), the helpers
 * (`chat.completions.parse/stream/runTools`, `responses.parse/stream`), retries, timeouts and abort
 * signals behave as before; provider errors reach the caller unchanged. Covered calls:
 * `chat.completions.create`, `responses.create`, `embeddings.create`, `completions.create`.
 * `client.withOptions()` returns a wrapped clone. Wrapping a wrapped client is a no-op (the first
 * options stay); with another engine it also emits that engine's `wrap_ignored` event and a `diag`
 * warning. Other clients in the process are not affected.
 *
 * @throws ConfigError when `options.attribution` holds an invalid key or value.
 * @example
 * const openai = withFinOps(new OpenAI(), { attribution: { team: 'support' } })
 */
export function withFinOps<Client extends OpenAI>(client: Client, options: FinOpsOpenAIOptions = {}): Client {
  const streamUsage = options.streamUsage ?? 'inject'
  if (!streamUsageModes.includes(streamUsage)) {
    throw new ConfigError({ path: 'withFinOps.streamUsage', detail: `expected one of ${streamUsageModes.join('|')}, got '${String(streamUsage)}'` })
  }
  const settings = {
    streamUsage,
    ...(options.attribution ? { attribution: validateAttribution(options.attribution, 'withFinOps.attribution') } : {}),
  }
  return wrapOpenAI(client, callPathOf(options.finops), settings)
}
