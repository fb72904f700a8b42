import { diag } from '@opentelemetry/api'
import { LRUCache } from 'lru-cache'
import type { Attribution } from '../attribution/attribution.js'
import type { CallRequest } from '../call/call-request.js'
import { ConfigError, type ConfigIssue } from '../errors/config-error.js'
import type { EstimateOptions } from '../engine/finops-options.js'
import type { MaybePromise, RecordOutputsRequest, Store } from '../store/store.js'
import { OutputWindow } from './output-window.js'

const reserveModes: ReadonlySet<string> = new Set(['max', 'expected', 'learned'])
/**
 * New outputs of a key a process collects before it sends them to a shared store: one store round
 * trip per 10 completed calls per key, off the call path, and a process sees what the others
 * learned within 10 of its own calls (and at the first call of a key).
 */
const shareEvery = 10

/** A store to learn through, with the engine's tracker of background work (for `flush()`). */
interface Sharing {
  record(request: RecordOutputsRequest): MaybePromise<number[]>
  track(promise: Promise<unknown>): void
}

interface LearnedKey {
  window: OutputWindow
  /** Outputs observed here that the shared store has not received yet. */
  unsent: number[]
  /** A store round trip for the key is in flight. */
  sharing: boolean
}

/**
 * What `estimate.reserve: 'learned'` knows: per (feature, provider, model), the output tokens of
 * its recent calls. Keyed by the `feature` attribution value, not by policy key: output length is
 * a property of the task (a feature's prompt), while a policy groups budgets (a team budget spans
 * features of very different lengths; a `per: user` key splits one feature into samples too thin
 * to learn from); and the estimate is needed before policies are matched. Calls without a
 * `feature` share one key per (provider, model). With a store that has `recordOutputs`, the
 * windows are shared by every engine using that store.
 */
export class LearnedOutputs {
  private readonly keys: LRUCache<string, LearnedKey>

  constructor(
    private readonly settings: { percentile: number; minSamples: number; window: number; maxKeys: number },
    private readonly sharing: Sharing | undefined,
  ) {
    this.keys = new LRUCache({ max: settings.maxKeys })
  }

  /**
   * Output tokens to reserve for the call: the key's percentile, between 1 and the call's
   * `max_tokens`; `undefined` (reserve as `'max'` does) until the key has `minSamples` outputs,
   * and for embeddings.
   */
  outputTokens(request: CallRequest, attribution: Attribution): number | undefined {
    if (request.operation === 'embeddings') return undefined
    const key = keyOf(request, attribution)
    const learned = this.keys.get(key) ?? (this.sharing === undefined ? undefined : this.add(key))
    if (learned === undefined || learned.window.size < this.settings.minSamples) return undefined
    const tokens = Math.max(1, learned.window.percentile(this.settings.percentile))
    return request.maxOutputTokens === undefined ? tokens : Math.min(tokens, request.maxOutputTokens)
  }

  /** Remembers the real output tokens of a call that was reserved for and completed. */
  observe(request: CallRequest, attribution: Attribution, outputTokens: number): void {
    if (request.operation === 'embeddings') return
    const key = keyOf(request, attribution)
    const learned = this.keys.get(key) ?? this.add(key)
    learned.window.add(outputTokens)
    if (this.sharing === undefined) return
    learned.unsent.push(outputTokens)
    if (learned.unsent.length >= shareEvery) this.share(key, learned)
  }

  /** A new key; with a shared store, its window is fetched from there. */
  private add(key: string): LearnedKey {
    const learned: LearnedKey = { window: new OutputWindow(this.settings.window), unsent: [], sharing: false }
    this.keys.set(key, learned)
    if (this.sharing !== undefined) this.share(key, learned)
    return learned
  }

  /** Sends the key's unsent outputs and takes the store's window (plus what was observed meanwhile). */
  private share(key: string, learned: LearnedKey): void {
    const sharing = this.sharing
    if (sharing === undefined || learned.sharing) return
    const tokens = learned.unsent
    learned.unsent = []
    learned.sharing = true
    const received = (counts: number[]) => {
      learned.sharing = false
      learned.window.reset(counts)
      for (const count of learned.unsent) learned.window.add(count)
      if (learned.unsent.length >= shareEvery) this.share(key, learned)
    }
    const failed = (error: unknown) => {
      learned.sharing = false
      diag.warn('finops-ai: sharing learned output tokens through the store failed', error)
    }
    try {
      const result = sharing.record({ key, tokens, window: this.settings.window })
      if (result instanceof Promise) sharing.track(result.then(received, failed))
      else received(result)
    } catch (error) {
      failed(error)
    }
  }
}

function keyOf(request: CallRequest, attribution: Attribution): string {
  return `${request.provider}\u0000${request.model}\u0000${attribution.feature ?? ''}`
}

/**
 * The engine's learned table for `estimate.reserve: 'learned'` (`undefined` for the other modes),
 * with every option checked: an unknown `reserve` or an invalid `learned*` option throws a
 * {@link ConfigError} naming it. With `shared.store` having `recordOutputs`, the table is shared
 * through it; pass no store for an engine-private one.
 */
export function learnedOutputsOf(
  estimate: EstimateOptions,
  shared?: { store: Store | undefined; track(promise: Promise<unknown>): void },
): LearnedOutputs | undefined {
  const reserve: unknown = estimate.reserve
  if (reserve !== undefined && !reserveModes.has(reserve as string)) {
    throw new ConfigError({ path: 'estimate.reserve', detail: `expected one of max|expected|learned, got ${String(reserve)}` })
  }
  if (reserve !== 'learned') return undefined
  const issues: ConfigIssue[] = []
  const percentile = estimate.learnedPercentile ?? 95
  if (!Number.isFinite(percentile) || percentile <= 0 || percentile > 100) {
    issues.push({ path: 'estimate.learnedPercentile', detail: `expected a number in (0, 100], got ${percentile}` })
  }
  const minSamples = positiveInteger(estimate.learnedMinSamples ?? 20, 'estimate.learnedMinSamples', issues)
  const window = positiveInteger(estimate.learnedWindow ?? 200, 'estimate.learnedWindow', issues)
  const maxKeys = positiveInteger(estimate.learnedMaxKeys ?? 1000, 'estimate.learnedMaxKeys', issues)
  if (issues.length === 0 && window < minSamples) {
    issues.push({ path: 'estimate.learnedWindow', detail: `must be at least learnedMinSamples (${minSamples}), got ${window}` })
  }
  if (issues.length > 0) throw new ConfigError(issues)
  const record = shared?.store?.recordOutputs?.bind(shared.store)
  const sharing = record === undefined || shared === undefined ? undefined : { record, track: (promise: Promise<unknown>) => shared.track(promise) }
  return new LearnedOutputs({ percentile, minSamples, window, maxKeys }, sharing)
}

function positiveInteger(value: number, path: string, issues: ConfigIssue[]): number {
  if (!Number.isSafeInteger(value) || value <= 0) issues.push({ path, detail: `expected a positive integer, got ${value}` })
  return value
}
