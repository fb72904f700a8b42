import type { Context } from '@opentelemetry/api'
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
  readonly startTime: number
  readonly startedAt: number
}

/** Finishes calls: implemented by the engine. */
export interface CallFinisher {
  finish(state: CallState, outcome: { error?: unknown; result: CallResult | undefined }): void
}

/**
 * The {@link CallHandle} of one admitted call, which is also its {@link CallState} (one object per
 * call): the first of `succeed`/`fail` wins, the rest are ignored.
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
