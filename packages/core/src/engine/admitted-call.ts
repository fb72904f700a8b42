import type { Context } from '@opentelemetry/api'
import type { ResponseCapture } from '../cache/response-capture.js'
import type { CachedResponse } from '../cache/response-cache-store.js'
import type { CallHandle } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import type { CallResult } from '../call/call-result.js'
import type { AdmissionGranted } from '../guards/guard-types.js'
import type { ResolvedPrice } from '../prices/price-book-types.js'
import type { CallAttribution, InferenceSpan } from '../telemetry/telemetry-types.js'

/** Everything the engine needs to finish a call, held by its handle. */
export interface CallState {
  readonly request: CallRequest
  readonly attribution: CallAttribution
  readonly span: InferenceSpan
  readonly price: ResolvedPrice | null
  readonly admission: AdmissionGranted | undefined
  /** When the call started (epoch ms, engine clock); 0 when the engine writes no usage records, its only reader. */
  readonly startTime: number
  /** When the call started (`performance.now()`), for the usage record's duration; 0 as `startTime`. */
  readonly startedAt: number
  /** Set on a response-cache hit: nothing was sent, nothing is spent. */
  readonly cachedResponse?: CachedResponse
  /** Set on an opted-in call that missed the response cache: told how the call ended. */
  readonly responseCapture?: ResponseCapture
}

/** Finishes calls: implemented by the engine. */
export interface CallFinisher {
  finish(state: CallState, outcome: { error?: unknown; result: CallResult | undefined }): void
}

/**
 * The {@link CallHandle} of one admitted call (or response-cache hit), which is also its
 * {@link CallState} (one object per call): the first of `succeed`/`fail` wins, the rest are ignored.
 */
export class AdmittedCall implements CallHandle, CallState {
  private finished = false

  constructor(
    private readonly finisher: CallFinisher,
    readonly request: CallRequest,
    readonly attribution: CallAttribution,
    readonly span: InferenceSpan,
    readonly price: ResolvedPrice | null,
    readonly admission: AdmissionGranted | undefined,
    readonly startTime: number,
    readonly startedAt: number,
    readonly cachedResponse?: CachedResponse,
    readonly responseCapture?: ResponseCapture,
  ) {}

  get model(): string {
    return this.admission?.model ?? this.request.model
  }

  get context(): Context {
    return this.span.context
  }

  firstChunk(): void {
    if (!this.finished) this.span.firstChunk()
  }

  succeed(result: CallResult): void {
    if (this.finished) return
    this.finished = true
    this.finisher.finish(this, { result })
  }

  fail(error: unknown, partial?: CallResult): void {
    if (this.finished) return
    this.finished = true
    this.finisher.finish(this, { error, result: partial })
  }
}
