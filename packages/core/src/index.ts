export type { Attribution } from './attribution/attribution.js'
export { addAttributionAttributes, attributionAttributeName } from './attribution/attribution-attributes.js'
export type { AttributionOptions, AttributionRequirements, OnMissingAttribution } from './attribution/attribution-requirements.js'
export { resolveAttributionRequirements } from './attribution/attribution-requirements.js'
export { scopeKeyIssues } from './policies/scope-keys.js'
export { currentAttribution, withAttribution } from './attribution/attribution-scope.js'
export { closestName } from './errors/closest-name.js'
export { WELL_KNOWN_ATTRIBUTION_KEYS } from './attribution/well-known-keys.js'
export { MAX_ATTRIBUTION_VALUE_LENGTH, validateAttribution } from './attribution/validate-attribution.js'

export type { BilledSubmission, BilledUsage, BilledUsagePath, CallHandle, CallPath } from './call/call-path.js'
export type { CallRequest, OperationName, RequestParameters } from './call/call-request.js'
export type { CallResult } from './call/call-result.js'
export { textPart, type InputMessage, type MessagePart, type OutputMessage, type RequestContent } from './call/message-content.js'

export { callPathOf } from './engine/call-path-of.js'
export type { Coverage } from './engine/coverage-tracker.js'
export { createFinOps } from './engine/create-finops.js'
export type { FinOps } from './engine/create-finops.js'
export { defaultFinOps } from './engine/default-finops.js'
export type {
  ApproximatePriceEvent,
  AttributionMissingEvent,
  CircuitClosedEvent,
  CircuitOpenEvent,
  FinOpsEvent,
  LimitExceededEvent,
  SoftLimitEvent,
  StoreDegradedEvent,
  UnknownPriceEvent,
  WrapIgnoredEvent,
} from './engine/finops-event.js'
export type { EstimateOptions, FinOpsOptions, ModelsOptions, UnknownPriceOption } from './engine/finops-options.js'
export type { UsageRecord, UsageRecordCost, UsageSink } from './engine/usage-record.js'
export type { CachedResponse, ResponseCacheStore } from './cache/response-cache-store.js'
export type { ResponseCacheCall, ResponseCacheOptions } from './cache/response-cache-options.js'
export { memoryResponseCache, type MemoryResponseCacheOptions } from './cache/memory-response-cache.js'
export { canonicalJSON } from './cache/response-cache-key.js'

export { webhookEvents, type WebhookEventHandler } from './events/webhook-events.js'
export { DEFAULT_WEBHOOK_EVENT_TYPES, type WebhookBodyFormat, type WebhookEventsOptions } from './events/webhook-options.js'
export type { WebhookEventPayload } from './events/event-payload.js'

export { ConfigError } from './errors/config-error.js'
export type { ConfigIssue } from './errors/config-error.js'
export { FinOpsError } from './errors/finops-error.js'
export { LimitExceededError } from './errors/limit-exceeded-error.js'
export type { LimitDenial, LimitReason } from './errors/limit-exceeded-error.js'
export { MissingAttributionError } from './errors/missing-attribution-error.js'

export type { Spend, SpendQuery } from './guards/create-guards.js'

export { createCurrency } from './money/currency.js'
export type { Currency, CurrencyOptions } from './money/currency.js'
export { NANOS_PER_USD } from './money/nano-usd.js'

export { loadPolicies } from './policies/load-policies.js'
export type { PolicySource } from './policies/load-policies.js'
export type { BudgetConfig, CircuitBreakerConfig, LimitsConfig, PolicyConfig, PolicyFileConfig } from './policies/policy-config.js'
export type { PolicySet } from './policies/policy.js'

export { createPriceBook } from './prices/create-price-book.js'
export type { PriceBookOptions } from './prices/create-price-book.js'
export type { ModelPriceOverride, PriceOverride } from './prices/model-price-override.js'
export type { ModelPriceFields, TokenPrice } from './prices/model-price-fields.js'
export type { CostBreakdown, PriceBook, PriceMeter, PriceOptions, PriceSource, ResolvedPrice, UnitRates } from './prices/price-book-types.js'
export { DEFAULT_INFERENCE_GEO_PRICES } from './prices/inference-geo-prices.js'
export type { InferenceGeoPrices } from './prices/inference-geo-prices.js'
export { DEFAULT_SERVICE_TIER_PRICES } from './prices/service-tier-prices.js'
export type { ServiceTierPrice, ServiceTierPrices } from './prices/service-tier-prices.js'
export type { ServiceTierOptions } from './prices/service-tiers.js'
export { PRICE_CORRECTIONS } from './prices/price-corrections.js'
export type { PriceCorrection } from './prices/price-corrections.js'
export { BUNDLED_PRICE_DATA_DATE } from './prices/price-data.js'
export type { PriceData, PriceDataOption } from './prices/price-data.js'

export type { BudgetPeriod } from './store/calendar-period.js'
export { memoryStore } from './store/memory-store.js'
export type { MemoryStoreOptions } from './store/memory-store.js'
export type {
  BreakerCounter,
  BudgetCounter,
  ChargeRequest,
  ChargeResult,
  ConcurrencyCounter,
  CounterOutcome,
  CounterReading,
  CounterRequest,
  MaybePromise,
  ReadCounter,
  ReadRequest,
  RecordOutputsRequest,
  ReserveDecision,
  ReserveRequest,
  SettleRequest,
  SettleResult,
  Store,
  WindowCounter,
  WindowMeasure,
} from './store/store.js'

export type { NormalizedUsage } from './usage/normalized-usage.js'

export { bypassedCallsSpanProcessor, type BypassedCallsSpanProcessor, type ProcessedSpan } from './telemetry/bypassed-calls-span-processor.js'
export { isFinOpsSpan, isModelCallSpan, type SpanOrigin } from './telemetry/model-call-span.js'

// For provider adapters (`@finops-ai/openai`, `@finops-ai/anthropic`): observing Stainless SDK calls.
export { callThroughPath, type CallThroughPathOptions } from './adapter/call-through-path.js'
export { deferAPIPromise, type DeferredAPIPromiseOptions } from './adapter/defer-api-promise.js'
export { sendAfterAdmission, type SendAfterAdmissionOptions } from './adapter/send-after-admission.js'
export { CHARACTERS_PER_TOKEN, countTextCharacters, estimateTokens } from './adapter/estimate-tokens.js'
export { IMAGE_TOKEN_ALLOWANCE, LOW_DETAIL_IMAGE_TOKENS, imageTokenAllowance } from './adapter/image-token-allowance.js'
export { HIGH_FIDELITY_IMAGE_TOKENS, IMAGE_EDIT_INPUT_TOKENS, imageOutputTokens, PARTIAL_IMAGE_TOKENS } from './adapter/image-output-tokens.js'
export { observeAPIPromise, type ResponseObserver } from './adapter/observe-api-promise.js'
export { observeStream, type StreamEnd, type StreamItem, type StreamObserver } from './adapter/observe-stream.js'
export { observeReadableStream } from './adapter/observe-readable-stream.js'
export { beginCall } from './adapter/begin-call.js'
export {
  isStainlessAPIPromise,
  type StainlessAPIPromise,
  type StainlessAPIPromiseClass,
  type StainlessParse,
  type StainlessResponseProps,
} from './adapter/stainless-api-promise.js'
export { estimatedResult } from './adapter/estimated-result.js'
export { numberField, objectField, stringField } from './adapter/json-fields.js'
export { observeCallResult, type CallResultReading } from './adapter/observe-call-result.js'
export { parseBaseURL, serverOfURL, type ProviderEndpoint } from './adapter/provider-endpoint.js'
export { resourceAt, type CreateResource } from './adapter/resource-at.js'
export { setUsageCount } from './adapter/set-usage-count.js'
export { isWrappedClient, WRAPPED_CLIENT, wrapClientOnce } from './adapter/wrap-client-once.js'
export { readResponseIdentity } from './adapter/response-identity.js'
export { completeRequest, readRequestBasics, type ParameterFields, type ProviderRequest } from './adapter/read-request-basics.js'
