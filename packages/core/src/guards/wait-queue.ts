import type { MaybePromise } from '../store/store.js'
import type { Admission, AdmissionDenied } from './guard-types.js'
import { isThenable } from './maybe-promise.js'

/** Calls waiting for room under `onLimit: 'wait'`, retried first come, first served. */
export interface WaitQueue {
  /**
   * Queues a denied call: `retry` runs again whenever room may have appeared (any settlement, or
   * the denial's `retryAfterMs`) until it is allowed or `deadline` (epoch ms, by the clock) has
   * passed, when the last denial is returned.
   */
  wait(retry: () => MaybePromise<Admission>, denied: AdmissionDenied, deadline: number): Promise<Admission>
  /** Retries the waiting calls in arrival order (call after every settlement). */
  wake(): void
  /** Number of calls waiting. */
  readonly size: number
}

interface Waiter {
  retry: () => MaybePromise<Admission>
  deadline: number
  resolve: (admission: Admission) => void
  timer: ReturnType<typeof setTimeout> | undefined
}

/**
 * A FIFO of waiting calls. Retries run synchronously while `retry` is synchronous (the memory
 * store), so a slot freed by a settlement goes to the oldest waiter before any new call can take
 * it. Timers (for `retryAfterMs` and deadlines) are `unref`'d: waiting never keeps a process alive.
 */
export function createWaitQueue(clock: () => number): WaitQueue {
  const waiters: Waiter[] = []
  let draining = false
  let again = false

  const schedule = (waiter: Waiter, retryAfterMs: number | undefined): void => {
    if (waiter.timer !== undefined) clearTimeout(waiter.timer)
    const now = clock()
    const at = retryAfterMs === undefined ? waiter.deadline : Math.min(waiter.deadline, now + retryAfterMs)
    waiter.timer = setTimeout(wake, Math.max(0, at - now))
    waiter.timer.unref?.()
  }

  /** Handles one retry result; true when the waiter leaves the queue. */
  const handle = (waiter: Waiter, admission: Admission): boolean => {
    if (!admission.allowed && clock() < waiter.deadline) {
      schedule(waiter, admission.denial.retryAfterMs)
      return false
    }
    if (waiter.timer !== undefined) clearTimeout(waiter.timer)
    waiters.splice(waiters.indexOf(waiter), 1)
    waiter.resolve(admission)
    return true
  }

  const drain = (cursor: number): void => {
    while (cursor < waiters.length) {
      const waiter = waiters[cursor]!
      const result = waiter.retry()
      if (isThenable(result)) {
        Promise.resolve(result).then((admission) => drain(handle(waiter, admission) ? cursor : cursor + 1))
        return
      }
      if (!handle(waiter, result)) cursor += 1
    }
    draining = false
    if (again) {
      again = false
      wake()
    }
  }

  function wake(): void {
    if (waiters.length === 0) return
    if (draining) {
      again = true
      return
    }
    draining = true
    drain(0)
  }

  return {
    wait(retry, denied, deadline) {
      return new Promise<Admission>((resolve) => {
        const waiter: Waiter = { retry, deadline, resolve, timer: undefined }
        waiters.push(waiter)
        schedule(waiter, denied.denial.retryAfterMs)
      })
    },
    wake,
    get size() {
      return waiters.length
    },
  }
}
