import { context, type Context } from '@opentelemetry/api'
import type { CallHandle, CallPath } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import type { CallResult } from '../call/call-result.js'

/** One call as a {@link RecordingCallPath} saw it. */
export interface RecordedCall {
  request: CallRequest
  /** How many times `firstChunk()` was called. */
  firstChunks: number
  /** Set once `succeed` was called (first settlement only). */
  result?: CallResult
  /** Set once `fail` was called (first settlement only). */
  error?: unknown
  /** The partial result passed to `fail`. */
  partial?: CallResult
  /** How the call settled, or `open` while it has not. */
  outcome: 'open' | 'succeeded' | 'failed'
  /** How many times `succeed`/`fail` were called in total (adapters must call exactly one, once). */
  settlements: number
}

/** How a {@link RecordingCallPath} behaves. */
export interface RecordingCallPathOptions {
  /** Return handles from a promise, as a remote store does. Default `false` (synchronous, as the memory store). */
  async?: boolean
  /** Deny every call with this error: thrown by `begin` (sync) or rejected (async). */
  deny?: unknown
  /** The model handles return (a soft-limit downgrade). Default: the requested model. */
  model?: string
}

/**
 * In-memory {@link CallPath} double for adapter tests: records every request, the first-chunk marks
 * and the settlement of each call; can deny synchronously or asynchronously and downgrade models.
 * Handles carry `context.active()` at `begin`.
 */
export class RecordingCallPath implements CallPath {
  /** Every call, in `begin` order (denied calls included, left `open`). */
  readonly calls: RecordedCall[] = []
  options: RecordingCallPathOptions

  constructor(options: RecordingCallPathOptions = {}) {
    this.options = options
  }

  /** The requests passed to `begin`. */
  get requests(): CallRequest[] {
    return this.calls.map((call) => call.request)
  }

  /** The calls that settled with `succeed`, by their results. */
  get results(): CallResult[] {
    return this.calls.flatMap((call) => (call.result ? [call.result] : []))
  }

  begin(request: CallRequest): CallHandle | Promise<CallHandle> {
    const call: RecordedCall = { request, firstChunks: 0, outcome: 'open', settlements: 0 }
    this.calls.push(call)
    const { deny, async: isAsync, model } = this.options
    if (deny !== undefined) {
      if (isAsync) return Promise.reject(deny)
      throw deny
    }
    const handle = new RecordingHandle(call, model ?? request.model, context.active())
    return isAsync ? Promise.resolve(handle) : handle
  }

  /** Resolves once every recorded call (denied ones aside) has settled, or rejects after `timeoutMs`. */
  async settled(timeoutMs = 2000): Promise<void> {
    const deadline = Date.now() + timeoutMs
    const denied = this.options.deny !== undefined
    while (!denied && this.calls.some((call) => call.outcome === 'open')) {
      if (Date.now() > deadline) throw new Error('RecordingCallPath: a call did not settle')
      await new Promise((resolve) => setTimeout(resolve, 5))
    }
  }
}

class RecordingHandle implements CallHandle {
  constructor(
    private readonly call: RecordedCall,
    readonly model: string,
    readonly context: Context,
  ) {}

  firstChunk(): void {
    this.call.firstChunks += 1
  }

  succeed(result: CallResult): void {
    this.call.settlements += 1
    if (this.call.outcome !== 'open') return
    this.call.outcome = 'succeeded'
    this.call.result = result
  }

  fail(error: unknown, partial?: CallResult): void {
    this.call.settlements += 1
    if (this.call.outcome !== 'open') return
    this.call.outcome = 'failed'
    this.call.error = error
    if (partial !== undefined) this.call.partial = partial
  }
}
