import type { FinOpsEvent } from '../engine/finops-event.js'

/** Entries kept before expired ones are swept (per-user policies can name many counters). */
const sweepAbove = 1_000

/**
 * Lets through at most one event per (type, policy) within `windowMs`, judged by the events' own
 * `at`: a burst of denials of one policy becomes one delivery, other policies and types still pass.
 */
export class DedupeWindow {
  /** Last admitted time per `type policy`, oldest first. */
  private readonly admitted = new Map<string, number>()

  constructor(private readonly windowMs: number) {}

  /** True when `event` is the first of its type and policy in the window (and records it). */
  admit(event: FinOpsEvent): boolean {
    if (this.windowMs === 0) return true
    const at = event.at.getTime()
    const name = `${event.type} ${event.policy}`
    const last = this.admitted.get(name)
    if (last !== undefined && at >= last && at - last < this.windowMs) return false
    this.admitted.delete(name)
    this.admitted.set(name, at)
    if (this.admitted.size > sweepAbove) this.sweep(at)
    return true
  }

  private sweep(now: number): void {
    for (const [name, at] of this.admitted) {
      if (now - at < this.windowMs) break
      this.admitted.delete(name)
    }
  }
}
