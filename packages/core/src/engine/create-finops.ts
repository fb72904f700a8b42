import { diag } from '@opentelemetry/api'
import type { Attribution } from '../attribution/attribution.js'
import { currentAttribution } from '../attribution/attribution-scope.js'
import {
  type AttributionRequirements,
  missingAttribution,
  resolveAttributionRequirements,
} from '../attribution/attribution-requirements.js'
import type { ResponseCapture } from '../cache/response-capture.js'
import { ResponseCache, type ResponseCacheLookup } from '../cache/response-cache.js'
import { resolveResponseCacheOptions } from '../cache/response-cache-options.js'
import type { BilledUsagePath, CallHandle, CallPath } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import type { CallResult } from '../call/call-result.js'
import { ConfigError } from '../errors/config-error.js'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'
import { MissingAttributionError } from '../errors/missing-attribution-error.js'
import type { Admission, AdmissionGranted } from '../guards/guard-types.js'
import { createGuards, type FinOpsGuards, type SpendQuery, type Spend } from '../guards/create-guards.js'
import { createCurrency, type Currency } from '../money/currency.js'
import { loadPolicyFile } from '../policies/load-policies.js'
import { scopeKeyIssues } from '../policies/scope-keys.js'
import { resolveMoneySettings } from '../money/money-settings.js'
import { createPriceBook } from '../prices/create-price-book.js'
import { toPriceData } from '../prices/price-data.js'
import { compilePolicies } from '../policies/compiled-policy.js'
import { createPolicyIndex } from '../policies/policy-index.js'
import type { CostBreakdown, PriceBook, ResolvedPrice } from '../prices/price-book-types.js'
import { memoryStore } from '../store/memory-store.js'
import { createTelemetry, type InferenceTelemetry } from '../telemetry/create-telemetry.js'
import { errorType } from '../telemetry/error-type.js'
import { ATTR_FINOPS_POLICY_KEY, EVENT_FINOPS_SOFT_LIMIT } from '../telemetry/semconv.js'
import type { CallAttribution, CostAmounts, InferenceOutcome, InferenceSpan } from '../telemetry/telemetry-types.js'
import type { NormalizedUsage } from '../usage/normalized-usage.js'
import { validateResult } from '../usage/validate-usage.js'
import { AdmittedCall, type CallFinisher, type CallState } from './admitted-call.js'
import { callUsageRecord, NO_COST } from './call-usage-record.js'
import { CallPricing } from './call-pricing.js'
import { BilledUsageRecorder } from './billed-usage-recorder.js'
import { captureCallSite } from './call-site.js'
import { type LearnedOutputs, learnedOutputsOf } from '../estimate/learned-outputs.js'
import { type Coverage, CoverageTracker } from './coverage-tracker.js'
import type { FinOpsEvent } from './finops-event.js'
import { checkOptionKeys } from './finops-option-keys.js'
import type { FinOpsOptions } from './finops-options.js'
import { safely } from './safely.js'
import type { UsageRecord, UsageSink } from './usage-record.js'

/** @internal Where an engine keeps its {@link CallPath}; read it with `callPathOf`. */
export const callPathKey = Symbol.for('@finops-ai/core/call-path')
const noUsage: NormalizedUsage = Object.freeze({ inputTokens: 0, outputTokens: 0 })
const emptyAttribution: Attribution = Object.freeze({})
const unrecordedOutcome: InferenceOutcome = Object.freeze({ result: Object.freeze({ usage: noUsage }), cost: null, policyKeys: [] })

/** An engine: what `createFinOps` returns and `withFinOps(client, { finops })` takes. */
export interface FinOps {
  /** The currency every amount the engine reports is in. */
  readonly currency: string
  /** Date (`YYYY-MM-DD`) of the price data the engine prices with (bundled, or `priceData`). */
  readonly priceDataDate: string
  /** Budget state of a policy (and one of its `per` keys): period, spent, reserved, remaining, limits. */
  spend(query: SpendQuery): Spend | Promise<Spend>
  /** Attributed vs unallocated calls and cost so far. */
  coverage(): Coverage
  /** Waits for pending settlements and usage sinks. */
  flush(): Promise<void>
  /** Flushes; the engine keeps working afterwards (it holds no resources of its own). */
  shutdown(): Promise<void>
  /** @internal The call path provider adapters drive (see `callPathOf`). */
  readonly [callPathKey]: CallPath
}

/**
 * Creates an engine: attribution, guards, prices and telemetry for every call of the clients
 * wrapped with it. Invalid configuration throws a {@link ConfigError} naming the exact path.
 *
 * @example
 * const finops = createFinOps({ policies: 'policies.yaml', currency: 'EUR', exchangeRates: { EUR: 0.86 } })
 * const openai = withFinOps(new OpenAI(), { finops, attribution: { team: 'customer-support' } })
 */
export function createFinOps(options: FinOpsOptions = {}): FinOps {
  return new Engine(options)
}

class Engine implements FinOps, CallPath, CallFinisher {
  readonly currency: string
  readonly priceDataDate: string
  readonly [callPathKey]: CallPath = this
  readonly captureContent: boolean
  readonly billedUsage: BilledUsagePath
  private readonly money: Currency
  private readonly requirements: AttributionRequirements
  private readonly prices: PriceBook
  private readonly telemetry: InferenceTelemetry
  private readonly guards: FinOpsGuards | undefined
  private readonly sinks: UsageSink[]
  private readonly coverageTracker = new CoverageTracker()
  private readonly pricing: CallPricing
  private readonly pending = new Set<Promise<unknown>>()
  private readonly clock: () => number
  private readonly maxOutputTokens: number
  private readonly expectedOutputTokens: number | undefined
  private readonly learnedOutputs: LearnedOutputs | undefined
  private readonly responseCache: ResponseCache | undefined

  constructor(private readonly options: FinOpsOptions) {
    checkOptionKeys(options)
    this.clock = options.clock ?? Date.now
    const policySource = options.policies ?? process.env.FINOPS_POLICY_FILE
    const policyFile = policySource === undefined || policySource === '' ? undefined : loadPolicyFile(policySource)
    const policies = policyFile?.policies ?? []
    this.money = createCurrency(
      resolveMoneySettings({
        options: { currency: options.currency, exchangeRates: options.exchangeRates },
        policyFile: { currency: policyFile?.currency, exchangeRates: policyFile?.exchangeRates },
        env: process.env,
      }),
    )
    this.currency = this.money.code
    this.requirements = resolveAttributionRequirements(options.attribution)
    const scopeIssues = scopeKeyIssues(policies, this.requirements.knownKeys, "Declare a custom key with createFinOps({ attribution: { keys: ['…'] } }) or FINOPS_ATTRIBUTION_KEYS.")
    if (scopeIssues.length > 0) throw new ConfigError(scopeIssues)
    this.prices = createPriceBook({
      overrides: options.prices,
      serviceTiers: options.serviceTiers,
      currency: this.money,
      aliases: options.models?.aliases,
      data: options.priceData === undefined ? undefined : toPriceData(options.priceData),
    })
    this.priceDataDate = this.prices.dataDate
    this.telemetry = createTelemetry({
      tracerProvider: options.tracerProvider,
      meterProvider: options.meterProvider,
      loggerProvider: options.loggerProvider,
      captureContent: options.captureContent,
      attributeNames: options.attributeNames,
    })
    this.captureContent = this.telemetry.captureContent
    const estimate = options.estimate ?? {}
    this.maxOutputTokens = positiveInteger(estimate.defaultMaxOutputTokens ?? 1024, 'estimate.defaultMaxOutputTokens')
    this.expectedOutputTokens =
      estimate.reserve === 'expected' ? positiveInteger(estimate.expectedOutputTokens ?? 256, 'estimate.expectedOutputTokens') : undefined
    this.sinks = options.onUsage === undefined ? [] : Array.isArray(options.onUsage) ? options.onUsage : [options.onUsage]
    const store = options.store ?? memoryStore({ clock: this.clock })
    // Learned outputs are shared only through a store the user passed: the engine's own is private.
    this.learnedOutputs = learnedOutputsOf(estimate, { store: options.store, track: (promise) => this.track(promise) })
    this.guards =
      policies.length === 0
        ? undefined
        : createGuards({
            policies,
            store,
            emit: (event) => this.emit(event),
            toUsdNanos: (amount, currency) => this.money.toUsdNanos(amount, currency),
            fromUsdNanos: (nanos) => this.money.fromUsdNanos(nanos),
            currency: this.currency,
            clock: this.clock,
            onStoreError: options.onStoreError ?? store.onError,
          })
    const costLimited = createPolicyIndex(
      compilePolicies(policies, { toUsdNanos: (amount, currency) => this.money.toUsdNanos(amount, currency), currency: this.currency }).filter(
        (policy) => policy.budget?.hardNanos !== undefined || policy.breaker !== undefined,
      ),
    )
    this.pricing = new CallPricing({
      prices: this.prices,
      unknownPrice: options.unknownPrice,
      serviceTiers: options.serviceTiers,
      currency: this.money,
      costLimitedPolicies: (attribution) => costLimited.match(attribution).map((policy) => policy.key),
      emit: (event) => this.emit(event),
      clock: this.clock,
    })
    this.responseCache =
      options.cache === undefined
        ? undefined
        : new ResponseCache(resolveResponseCacheOptions(options.cache, this.requirements.knownKeys), {
            clock: this.clock,
            track: (promise) => this.track(promise),
          })
    this.billedUsage = new BilledUsageRecorder({
      finisher: this,
      requirements: this.requirements,
      telemetry: this.telemetry,
      resolveAttribution: (clientAttribution) => this.attributionOf(clientAttribution),
      priceOf: (request) => this.priceOf(request),
      estimatedOutputTokens: (request) => this.estimatedOutputTokens(request),
      guards: this.guards,
      store,
      emit: (event) => this.emit(event),
      track: (promise) => this.track(promise),
      clock: this.clock,
    })
  }

  spend(query: SpendQuery): Spend | Promise<Spend> {
    if (this.guards === undefined) {
      throw new ConfigError({ path: 'policies', detail: `no policy '${query.policy}': this engine has no policies` })
    }
    return this.guards.spend(query)
  }

  coverage(): Coverage {
    return this.coverageTracker.snapshot((nanos) => this.money.fromUsdNanos(nanos), this.currency)
  }

  async flush(): Promise<void> {
    while (this.pending.size > 0) await Promise.allSettled(this.pending)
  }

  shutdown(): Promise<void> {
    return this.flush()
  }

  begin(request: CallRequest): CallHandle | Promise<CallHandle> {
    const values = this.attributionOf(request.clientAttribution)
    const missing = missingAttribution(values, this.requirements.required)
    const attribution: CallAttribution = { values, missing }
    const span = this.telemetry.startInference(request, attribution)
    if (missing.length > 0 && span.recording) {
      // Only unattributed calls pay for a stack: it tells which call site to fix.
      const site = captureCallSite()
      if (site !== undefined) span.setCallSite(site)
    }
    if (missing.length > 0 && this.requirements.onMissing !== 'allow') {
      if (this.requirements.onMissing === 'throw') return this.reject(span, new MissingAttributionError([...missing]))
      this.emit({ type: 'attribution_missing', policy: '', key: '', at: new Date(this.clock()), missing: [...missing] })
    }
    // Off (no `cache`), or a call that did not opt in: no lookup, no key.
    const cache = this.responseCache
    const lookup = cache?.lookup(request, values)
    if (cache === undefined || lookup === undefined) return this.admit(request, attribution, span, undefined)
    if (lookup instanceof Promise) return lookup.then((found) => this.afterLookup(cache, request, attribution, span, found))
    return this.afterLookup(cache, request, attribution, span, lookup)
  }

  /**
   * A hit is answered from the cache: no reservation, no guard counts anything (nothing is spent);
   * it is priced when it ends, as a cost avoided. A miss is admitted as usual and its response captured.
   */
  private afterLookup(
    cache: ResponseCache,
    request: CallRequest,
    attribution: CallAttribution,
    span: InferenceSpan,
    lookup: ResponseCacheLookup,
  ): CallHandle | Promise<CallHandle> {
    span.setCacheHit(lookup.cached !== undefined)
    if (lookup.cached === undefined) return this.admit(request, attribution, span, cache.capture(lookup.key))
    return new AdmittedCall(this, request, attribution, span, this.priceOf(request), undefined, this.startTime(), this.startedAt(), lookup.cached)
  }

  /**
   * Prices, checks the guards and reserves: the handle of an admitted call, or the denial thrown.
   * With guards, a request's exact input count (`countInputTokens`) is asked for first.
   */
  private admit(request: CallRequest, attribution: CallAttribution, span: InferenceSpan, capture: ResponseCapture | undefined): CallHandle | Promise<CallHandle> {
    const price = this.priceOf(request)
    const unpriced = price === null ? this.pricing.denial(request.provider, request.model, attribution.values) : undefined
    if (unpriced !== undefined) return this.reject(span, unpriced)
    const guards = this.guards
    if (guards === undefined) {
      return new AdmittedCall(this, request, attribution, span, price, undefined, this.startTime(), this.startedAt(), undefined, capture)
    }
    const count = request.countInputTokens
    if (count === undefined) return this.reserve(guards, request, attribution, span, price, capture)
    return Promise.resolve()
      .then(count)
      .then(
        (tokens) => {
          if (tokens !== undefined && Number.isSafeInteger(tokens) && tokens >= 0) request.estimatedInputTokens = tokens
          return this.reserve(guards, request, attribution, span, price, capture)
        },
        (error: unknown) => {
          diag.warn('finops-ai: counting the input tokens failed; reserving the local estimate', error)
          return this.reserve(guards, request, attribution, span, price, capture)
        },
      )
  }

  /** Checks the guards and reserves the call's estimate: the handle of an admitted call, or the denial thrown. */
  private reserve(
    guards: FinOpsGuards,
    request: CallRequest,
    attribution: CallAttribution,
    span: InferenceSpan,
    price: ResolvedPrice | null,
    capture: ResponseCapture | undefined,
  ): CallHandle | Promise<CallHandle> {
    const values = attribution.values
    const startTime = this.startTime()
    const startedAt = this.startedAt()
    const estimatedOutput = this.learnedOutputs?.outputTokens(request, values) ?? this.estimatedOutputTokens(request)
    const estimatedCostNanos =
      price === null ? 0 : price.cost({ inputTokens: request.estimatedInputTokens, outputTokens: estimatedOutput }).totalNanos
    const admission = guards.admit({
      attribution: values,
      model: request.model,
      estimatedTokens: request.estimatedInputTokens + estimatedOutput,
      estimatedCostNanos,
    })
    if (admission instanceof Promise) return admission.then((decision) => this.admitted(decision, request, attribution, span, price, startTime, startedAt, capture))
    return this.admitted(admission, request, attribution, span, price, startTime, startedAt, capture)
  }

  /** The handle of a call the guards admitted, or (denied) the `LimitExceededError` thrown after recording the denial. */
  private admitted(
    decision: Admission,
    request: CallRequest,
    attribution: CallAttribution,
    span: InferenceSpan,
    price: ResolvedPrice | null,
    startTime: number,
    startedAt: number,
    capture: ResponseCapture | undefined,
  ): CallHandle {
    if (!decision.allowed) {
      span.deny(decision.denial)
      this.emit({ type: 'limit_exceeded', key: '', at: new Date(this.clock()), ...decision.denial })
      this.record({ request, attribution, span, price, admission: undefined, startTime, startedAt }, 'denied', undefined, null, decision.denial.reason)
      throw new LimitExceededError(decision.denial, this.clock())
    }
    span.setPolicyKeys(decision.policyKeys)
    if (decision.downgradedFrom !== undefined) span.setModel(decision.model, decision.downgradedFrom)
    for (const policy of decision.softLimitPolicies) span.addEvent(EVENT_FINOPS_SOFT_LIMIT, { [ATTR_FINOPS_POLICY_KEY]: policy })
    // A soft-limit downgrade sends another model: price what is called, not what was requested.
    const called = decision.downgradedFrom === undefined ? price : this.pricing.priceOf(request.provider, decision.model)
    // A downgraded call's response answers another model than the one requested: it is not cached.
    const captured = decision.downgradedFrom === undefined ? capture : undefined
    return new AdmittedCall(this, request, attribution, span, called, decision, startTime, startedAt, undefined, captured)
  }

  finish(called: CallState, outcome: { error?: unknown; result: CallResult | undefined }): void {
    called.responseCapture?.settle(outcome.error === undefined)
    // Provider usage is untrusted input: a negative or huge count must not make a call free or spend inexact.
    const result = outcome.result === undefined ? undefined : validateResult(outcome.result, called.request, this.outputEstimate)
    // An unknown requested name (an Azure deployment) is priced by the model the response reports.
    const price = this.pricing.byResponseModel(called.price, called.request.provider, result?.responseModel)
    const state = price === called.price ? called : { ...called, price }
    const usage = result?.usage ?? noUsage
    // `reserve: 'learned'` learns from the real outputs of the calls it reserves for.
    if (state.admission !== undefined && outcome.error === undefined && result !== undefined && result.estimated !== true) {
      this.learnedOutputs?.observe(state.request, state.attribution.values, usage.outputTokens)
    }
    const breakdown = this.costOf(state, usage, result)
    let settled: ReturnType<AdmissionGranted['settle']> | undefined
    try {
      settled = state.admission?.settle({ tokens: usage.inputTokens + usage.outputTokens, costNanos: breakdown?.totalNanos ?? 0 })
    } catch (error) {
      diag.error('finops-ai: settling a call failed', error)
    }
    if (settled instanceof Promise) {
      this.track(
        settled.then(
          (settleOutcome) => this.complete(state, outcome.error, result, usage, breakdown, settleOutcome.budgetRemainingNanos),
          (error: unknown) => {
            diag.error('finops-ai: settling a call failed', error)
            this.complete(state, outcome.error, result, usage, breakdown, undefined)
          },
        ),
      )
    } else {
      this.complete(state, outcome.error, result, usage, breakdown, settled?.budgetRemainingNanos)
    }
  }

  /** After settlement: ends the span (metrics included), counts coverage and writes the usage record. */
  private complete(
    state: CallState,
    error: unknown,
    result: CallResult | undefined,
    usage: NormalizedUsage,
    breakdown: CostBreakdown | null,
    budgetRemainingNanos: number | undefined,
  ): void {
    // A response-cache hit costs nothing; what it would have cost is the cost avoided.
    const hit = state.cachedResponse !== undefined
    const spent = hit && breakdown !== null ? NO_COST : breakdown
    // Nothing records the outcome without an OTel SDK: the placeholder saves building it.
    const inference: InferenceOutcome = !state.span.recordsOutcome
      ? unrecordedOutcome
      : {
          result: result ?? { usage },
          cost: this.amounts(spent, state.price),
          policyKeys: state.admission?.policyKeys ?? [],
          budgetRemaining: budgetRemainingNanos === undefined ? undefined : this.money.fromUsdNanos(budgetRemainingNanos),
          storeDegraded: state.admission?.storeDegraded,
          cacheHit: hit || undefined,
          costAvoided: hit ? this.amounts(breakdown, state.price)?.amount : undefined,
        }
    if (error === undefined) state.span.succeed(inference)
    else state.span.fail(error, result === undefined ? undefined : inference)
    this.coverageTracker.record(state.attribution.missing, spent?.totalNanos ?? 0)
    this.record(state, error === undefined ? 'ok' : 'error', result, breakdown, error === undefined ? undefined : errorType(error))
  }

  private costOf(state: CallState, usage: NormalizedUsage, result: CallResult | undefined): CostBreakdown | null {
    if (state.price === null) return null
    try {
      return state.price.cost(usage, { serviceTier: result?.serviceTier ?? state.request.serviceTier, inferenceGeo: result?.inferenceGeo })
    } catch (error) {
      diag.error('finops-ai: pricing a call failed', error)
      return null
    }
  }

  private attributionOf(clientAttribution: Attribution | undefined): Attribution {
    const merged = mergeAttribution(this.requirements.defaults, clientAttribution, currentAttribution())
    const hashUser = this.requirements.hashUser
    return hashUser === undefined || merged.user === undefined ? merged : { ...merged, user: hashUser(merged.user) }
  }

  /** A call's start on the engine clock (epoch ms), or 0 when no usage record (its only reader) is written. */
  private startTime(): number {
    return this.sinks.length === 0 ? 0 : this.clock()
  }

  /** A call's start on the monotonic clock (the record's duration), or 0 when no usage record is written. */
  private startedAt(): number {
    return this.sinks.length === 0 ? 0 : performance.now()
  }

  private priceOf(request: CallRequest): ResolvedPrice | null {
    return this.pricing.priceOf(request.provider, request.model)
  }

  private readonly outputEstimate = (request: CallRequest): number => this.estimatedOutputTokens(request)

  private estimatedOutputTokens(request: CallRequest): number {
    if (request.operation === 'embeddings') return 0
    const max = request.maxOutputTokens ?? this.maxOutputTokens
    return this.expectedOutputTokens === undefined ? max : Math.min(max, this.expectedOutputTokens)
  }

  private reject(span: InferenceSpan, error: Error): never {
    span.fail(error)
    throw error
  }

  private amounts(breakdown: CostBreakdown | null, price: ResolvedPrice | null): CostAmounts | null {
    if (breakdown === null || price === null) return null
    const money = this.money
    return {
      amount: money.fromUsdNanos(breakdown.totalNanos),
      input: money.fromUsdNanos(breakdown.inputNanos + breakdown.cacheReadNanos + breakdown.cacheWriteNanos),
      output: money.fromUsdNanos(breakdown.outputNanos),
      currency: this.currency,
      source: price.source,
      dataDate: price.dataDate,
    }
  }

  private record(
    state: CallState,
    status: UsageRecord['status'],
    result: CallResult | undefined,
    breakdown: CostBreakdown | null,
    errorTypeName: string | undefined,
  ): void {
    if (this.sinks.length === 0) return
    const record = callUsageRecord(state, status, result, breakdown, errorTypeName, this.money)
    for (const sink of this.sinks) {
      safely('a usage sink', () => {
        const written = sink(record)
        if (written instanceof Promise) this.track(written)
      })
    }
  }

  wrapIgnored(): void {
    this.emit({ type: 'wrap_ignored', policy: '', key: '', at: new Date(this.clock()) })
  }

  private emit(event: FinOpsEvent): void {
    const onEvent = this.options.onEvent
    if (onEvent !== undefined) safely(`onEvent(${event.type})`, () => onEvent(event))
  }

  private track(promise: Promise<unknown>): void {
    const tracked: Promise<unknown> = promise
      .catch((error: unknown) => diag.error('finops-ai: background bookkeeping failed', error))
      .finally(() => this.pending.delete(tracked))
    this.pending.add(tracked)
  }
}

/**
 * Engine defaults < client defaults < call-site scope, per key. The engine only reads attribution
 * objects (the validated ones are frozen), so when only one is set it is used as it is: no copy
 * per call.
 */
function mergeAttribution(
  engineDefaults: Attribution | undefined,
  clientDefaults: Attribution | undefined,
  scope: Attribution | undefined,
): Attribution {
  if (engineDefaults === undefined && clientDefaults === undefined) return scope ?? emptyAttribution
  if (scope === undefined && (engineDefaults === undefined || clientDefaults === undefined)) return (clientDefaults ?? engineDefaults) as Attribution
  return { ...engineDefaults, ...clientDefaults, ...scope }
}

function positiveInteger(value: number, path: string): number {
  if (!Number.isSafeInteger(value) || value <= 0) throw new ConfigError({ path, detail: `expected a positive integer, got ${value}` })
  return value
}
