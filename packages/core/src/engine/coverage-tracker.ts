/** Attribution coverage of the calls an engine has seen (`finops.coverage()`). */
export interface Coverage {
  calls: {
    total: number
    /** Calls that carried every required key (or any key when none is required). */
    attributed: number
    /** Calls that lacked required attribution. */
    unallocated: number
  }
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

/** Counts attributed and unallocated calls and cost in exact nano-USD. */
export class CoverageTracker {
  private attributedCalls = 0
  private unallocatedCalls = 0
  private attributedNanos = 0
  private unallocatedNanos = 0
  private readonly missingByKey = new Map<string, number>()

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
    return {
      calls: {
        total: this.attributedCalls + this.unallocatedCalls,
        attributed: this.attributedCalls,
        unallocated: this.unallocatedCalls,
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
