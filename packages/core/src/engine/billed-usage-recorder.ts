import { diag } from '@opentelemetry/api'
import { LRUCache } from 'lru-cache'
import type { Attribution } from '../attribution/attribution.js'
import { missingAttribution, type AttributionRequirements } from '../attribution/attribution-requirements.js'
import type { BilledSubmission, BilledUsage, BilledUsagePath } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import type { CallResult } from '../call/call-result.js'
import { LimitExceededError, type LimitDenial } from '../errors/limit-exceeded-error.js'
import type { AdmissionGranted, BilledCharge, ChargeOutcome } from '../guards/guard-types.js'
import type { ResolvedPrice } from '../prices/price-book-types.js'
import type { MaybePromise, Store } from '../store/store.js'
import { ATTR_FINOPS_POLICY_KEY, EVENT_FINOPS_SOFT_LIMIT } from '../telemetry/semconv.js'
import type { Telemetry } from '../telemetry/telemetry-types.js'
import { validateResult } from '../usage/validate-usage.js'
import type { CallFinisher } from './admitted-call.js'
import type { FinOpsEvent } from './finops-event.js'

/** What a {@link BilledUsageRecorder} uses of its engine. */
export interface BilledUsageRecorderOptions {
  /** Finishes the recorded call as any other: cost, span end, metrics, coverage, usage record. */
  finisher: CallFinisher
  requirements: AttributionRequirements
  telemetry: Telemetry
  /** Merges engine default < client default < current scope and hashes `user`. */
  resolveAttribution(clientAttribution: Attribution | undefined): Attribution
  /** The price of the request's provider and model (an `unknown_price` event when none). */
  priceOf(request: CallRequest): ResolvedPrice | null
  /** The engine's guards; absent without policies (then the store only remembers the id). */
  guards:
    | {
        charge(billed: BilledCharge): MaybePromise<ChargeOutcome>
        checkBudgets(check: { attribution: Attribution; costNanos: number }): MaybePromise<LimitDenial | undefined>
      }
    | undefined
  /** Output tokens to assume for a request's estimate (its `maxOutputTokens`, or the engine default). */
  estimatedOutputTokens(request: CallRequest): number
  store: Store
  emit(event: FinOpsEvent): void
  /** Keeps a background promise for `flush()`. */
  track(promise: Promise<unknown>): void
  clock: () => number
}

const emptyAttribution: Attribution = Object.freeze({})
/** Submissions and recorded ids kept in process (each map). */
const maxRemembered = 10_000

/** Nano-USD of the usage; 0 when the price is unknown or pricing fails (the engine logs it again when it finishes the record). */
function costOf(price: ResolvedPrice | null, request: CallRequest, result: CallResult): number {
  if (price === null) return 0
  try {
    return price.cost(result.usage, { serviceTier: result.serviceTier ?? request.serviceTier, inferenceGeo: result.inferenceGeo }).totalNanos
  } catch {
    return 0
  }
}

/**
 * The engine's {@link BilledUsagePath}. Each record is priced, charged once to the budgets of the
 * matching policies (`Store.charge`: never denied, idempotent per id across processes sharing the
 * store), then finished like a live call, so it gets one span, its metrics and one usage record.
 * Ids recorded are also remembered in process (the 10,000 most recent), so repeated reads of a
 * finished batch cost no store round trip, and stores without `charge` still record each id once
 * per process.
 * The span starts and ends when the usage is recorded: its duration is the bookkeeping's, not the
 * batch's run time. A missing required attribution key tags the record unallocated (and emits
 * `attribution_missing` unless `onMissing` is `allow`); it never throws, the money being spent.
 */
export class BilledUsageRecorder implements BilledUsagePath {
  private readonly submissions = new LRUCache<string, Attribution>({ max: maxRemembered })
  /** Ids recorded by this engine: repeated reads of a finished batch cost no store round trip. */
  private readonly recorded = new LRUCache<string, true>({ max: maxRemembered })

  constructor(private readonly options: BilledUsageRecorderOptions) {}

  rememberSubmission(id: string, attribution: Attribution): void {
    this.submissions.set(id, attribution)
  }

  submittedAttribution(id: string): Attribution | undefined {
    return this.submissions.get(id)
  }

  captureAttribution(clientAttribution?: Attribution): Attribution {
    try {
      return this.options.resolveAttribution(clientAttribution)
    } catch (error) {
      diag.error('finops-ai: capturing the attribution of billed work failed', error)
      return emptyAttribution
    }
  }

  admitSubmission(submission: BilledSubmission): void | Promise<void> {
    const { guards } = this.options
    if (guards === undefined) return
    let costNanos = 0
    for (const request of submission.requests) {
      const price = this.options.priceOf(request)
      if (price !== null) {
        const usage = { inputTokens: request.estimatedInputTokens, outputTokens: this.options.estimatedOutputTokens(request) }
        costNanos += price.cost(usage, { serviceTier: request.serviceTier }).totalNanos
      }
    }
    const denial = guards.checkBudgets({ attribution: submission.attribution, costNanos })
    return denial instanceof Promise ? denial.then((decided) => this.deny(decided)) : this.deny(denial)
  }

  record(usage: BilledUsage): Promise<boolean> {
    if (this.recorded.has(usage.id)) return Promise.resolve(false)
    this.recorded.set(usage.id, true)
    const recorded = this.recordOnce(usage).catch((error: unknown) => {
      diag.error('finops-ai: recording billed usage failed', error)
      return false
    })
    this.options.track(recorded)
    return recorded
  }

  private async recordOnce(usage: BilledUsage): Promise<boolean> {
    const { options } = this
    const { request, attribution: values } = usage
    const result = validateResult(usage.result, request, (called) => options.estimatedOutputTokens(called))
    const price = options.priceOf(request)
    const costNanos = costOf(price, request, result)
    const outcome = await this.charge({ id: usage.id, attribution: values, costNanos })
    if (!outcome.charged) return false
    const missing = missingAttribution(values, options.requirements.required)
    if (missing.length > 0 && options.requirements.onMissing !== 'allow') {
      options.emit({ type: 'attribution_missing', policy: '', key: '', at: new Date(options.clock()), missing: [...missing] })
    }
    const attribution = { values, missing }
    const span = options.telemetry.startInference(request, attribution)
    span.setPolicyKeys(outcome.policyKeys)
    const softLimitPolicies = outcome.softLimitPolicies ?? []
    for (const policy of softLimitPolicies) span.addEvent(EVENT_FINOPS_SOFT_LIMIT, { [ATTR_FINOPS_POLICY_KEY]: policy })
    const settled = outcome.budgetRemainingNanos === undefined ? {} : { budgetRemainingNanos: outcome.budgetRemainingNanos }
    const admission: AdmissionGranted = {
      allowed: true,
      policyKeys: outcome.policyKeys,
      model: request.model,
      softLimitPolicies,
      storeDegraded: outcome.storeDegraded,
      settle: () => settled,
    }
    options.finisher.finish({ request, attribution, span, price, admission, startTime: options.clock(), startedAt: performance.now() }, { result })
    return true
  }

  private deny(denial: LimitDenial | undefined): void {
    if (denial === undefined) return
    this.options.emit({ type: 'limit_exceeded', key: '', at: new Date(this.options.clock()), ...denial })
    throw new LimitExceededError(denial, this.options.clock())
  }

  private async charge(billed: BilledCharge): Promise<ChargeOutcome> {
    const { guards, store } = this.options
    if (guards !== undefined) return guards.charge(billed)
    if (store.charge === undefined) return { charged: true, policyKeys: [], storeDegraded: false }
    try {
      const result = await store.charge({ id: billed.id, counters: [] })
      return { charged: result.charged, policyKeys: [], storeDegraded: false }
    } catch (error) {
      this.options.emit({ type: 'store_degraded', policy: '', key: '', at: new Date(this.options.clock()), error })
      return { charged: true, policyKeys: [], storeDegraded: true }
    }
  }
}
