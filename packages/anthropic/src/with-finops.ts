import type { BaseAnthropic } from '@anthropic-ai/sdk'
import { callPathOf, ConfigError, validateAttribution } from '@finops-ai/core'
import type { FinOpsAnthropicOptions } from './finops-anthropic-options.js'
import { wrapAnthropic, type WrapSettings } from './wrap-anthropic.js'

/**
 * Routes every Messages call of an `@anthropic-ai/sdk` client through finops-ai: attribution,
 * guards (a denied call rejects with `LimitExceededError` / `MissingAttributionError` and is never
 * sent), pricing (cache reads, 5-minute and 1-hour cache writes, thinking, service tier, web
 * search requests), one OpenTelemetry GenAI span and one usage record per call.
 *
 * Returns the same client, patched in place. Covered: `messages.create` (plain and `stream: true`),
 * `messages.stream()` (`finalMessage()`, events, `abort()`), `messages.parse()`,
 * `beta.messages.create/stream/parse/toolRunner`. `APIPromise` (`.withResponse()`,
 * `.asResponse()`, `_request_id`), `Stream` (`tee()`, `toReadableStream()`, `controller`),
 * retries, timeouts and abort signals behave as before; provider errors reach the caller unchanged.
 * `client.withOptions()` returns a wrapped clone; wrapping a wrapped client is a no-op (the first
 * options stay); with another engine it also emits that engine's `wrap_ignored` event and a `diag`
 * warning. Other clients in the process are not affected.
 *
 * The SDK's own span for these calls (`anthropic.messages.create`, emitted when a tracer provider
 * is registered) is suppressed on this client so each call has exactly one GenAI span; its other
 * spans are kept (see docs/decisions/002-anthropic-native-tracing.md).
 *
 * @throws ConfigError when `options.attribution` holds an invalid key or value, or
 * `options.countTokens` is not a boolean.
 * @example
 * const anthropic = withFinOps(new Anthropic(), { attribution: { team: 'support' } })
 */
export function withFinOps<Client extends BaseAnthropic>(client: Client, options: FinOpsAnthropicOptions = {}): Client {
  const countTokens = options.countTokens ?? false
  if (typeof countTokens !== 'boolean') {
    throw new ConfigError({ path: 'withFinOps.countTokens', detail: `expected a boolean, got ${typeof countTokens}` })
  }
  const settings: WrapSettings = { countTokens }
  if (options.attribution) settings.attribution = validateAttribution(options.attribution, 'withFinOps.attribution')
  return wrapAnthropic(client, callPathOf(options.finops), settings)
}
