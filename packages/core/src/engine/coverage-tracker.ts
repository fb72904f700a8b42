/** Attribution coverage of the calls an engine has seen (`finops.coverage()`). */
export interface Coverage {
  calls: {
    /** `attributed + unallocated + bypassed`. */
    total: number
    /** Calls that carried every required key (or any key when none is required). */
    attributed: number
    /** Calls that lacked required attribution. */
    unallocated: number
    /**
     * Model calls of this process that went through no finops-ai engine (no guards, no cost, no
     * attribution) since the engine was created, as counted from their spans by a
     * `bypassedCallsSpanProcessor()` on the OpenTelemetry tracer provider: e.g. Vercel AI SDK calls
     * with telemetry enabled, or clients traced by another GenAI instrumentation. Always 0 without
     * that processor; calls that leave no span are never seen. Their cost is unknown and not in `cost`.
     */
    bypassed: number
  }
  /** Cost of the calls that went through the engine. */
  cost: {
    attributed: number
    unallocated: number
    /** Share of cost that is unallocated, 0..1 (0 when nothing was spent). */
    unallocatedShare: number
    currency: string
  }
  /** Per required key: how many calls lacked it. */
  missingByKey: Record<string, number>
}

// Process-wide, behind a `Symbol.for` key: bypassed calls belong to no engine, and every copy of
// core (ESM and CJS) must count into the same place.
const bypassedCallsKey = Symbol.for('@finops-ai/core/bypassed-calls')

interface BypassedCalls {
  calls: number
}

function bypassedCalls(): BypassedCalls {
  const holder = globalThis as { [bypassedCallsKey]?: BypassedCalls }
  holder[bypassedCallsKey] ??= { calls: 0 }
  return holder[bypassedCallsKey]
}

/**
 * Counts one model call that went through no finops-ai engine; every engine of the process
 * created before it reports it in `coverage().calls.bypassed`.
 */
export function countBypassedCall(): void {
  bypassedCalls().calls++
}

/** Counts attributed and unallocated calls and cost in exact nano-USD, and bypassed calls since its creation. */
export class CoverageTracker {
  private attributedCalls = 0
  private unallocatedCalls = 0
  private attributedNanos = 0
  private unallocatedNanos = 0
  private readonly missingByKey = new Map<string, number>()
  private readonly bypassedBefore = bypassedCalls().calls

  /** Records one finished call. */
  record(missing: readonly string[], costNanos: number): void {
    if (missing.length === 0) {
      this.attributedCalls++
      this.attributedNanos += costNanos
      return
    }
    this.unallocatedCalls++
    this.unallocatedNanos += costNanos
    for (const key of missing) this.missingByKey.set(key, (this.missingByKey.get(key) ?? 0) + 1)
  }

  /** A snapshot, with amounts converted by `toAmount` into `currency`. */
  snapshot(toAmount: (nanos: number) => number, currency: string): Coverage {
    const total = this.attributedNanos + this.unallocatedNanos
    const bypassed = bypassedCalls().calls - this.bypassedBefore
    return {
      calls: {
        total: this.attributedCalls + this.unallocatedCalls + bypassed,
        attributed: this.attributedCalls,
        unallocated: this.unallocatedCalls,
        bypassed,
      },
      cost: {
        attributed: toAmount(this.attributedNanos),
        unallocated: toAmount(this.unallocatedNanos),
        unallocatedShare: total === 0 ? 0 : this.unallocatedNanos / total,
        currency,
      },
      missingByKey: Object.fromEntries(this.missingByKey),
    }
  }
}
