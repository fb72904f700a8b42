import type { MaybePromise } from '../store/store.js'
import type { Admission, AdmissionDenied } from './guard-types.js'
import { isThenable } from './maybe-promise.js'

/** Calls waiting for room under `onLimit: 'wait'`, retried first come, first served. */
export interface WaitQueue {
  /**
   * Queues a denied call behind the other calls denied by the same counter (`denied.denial.policy`
   * and reason). `retry` runs when room may have appeared: after a release ({@link WaitQueue.wake})
   * once this call is the oldest of its line, or after the denial's `retryAfterMs`. At `deadline`
   * (epoch ms, by the clock) the last denial is returned. `releasesSeen` is {@link WaitQueue.releases}
   * read before the denied attempt: a release since then retries the call at once.
   */
  wait(retry: () => MaybePromise<Admission>, denied: AdmissionDenied, deadline: number, releasesSeen: number): Promise<Admission>
  /**
   * Room for one more call may have appeared (call after every settlement): each line retries its
   * oldest call once (a call moved to another line hands the retry to the next). Releases that
   * arrive while a line's retry is in flight are kept and spent in order when it returns; a denial
   * drops them (there is no room). So n waiting calls cost at most n retries plus one per release.
   */
  wake(): void
  /** How many times {@link WaitQueue.wake} was called. */
  readonly releases: number
  /** Number of calls waiting. */
  readonly size: number
}

interface Waiter {
  readonly arrival: number
  readonly retry: () => MaybePromise<Admission>
  readonly deadline: number
  readonly resolve: (admission: Admission) => void
  last: AdmissionDenied
  deadlineTimer: ReturnType<typeof setTimeout> | undefined
}

/** Calls denied by one counter, oldest first. */
interface Line {
  readonly waiters: Waiter[]
  /** A retry of the head is in flight (async stores). */
  busy: boolean
  /** Retries owed to the line: one per release or `retryAfterMs` since its last denial. */
  attempts: number
  retryTimer: ReturnType<typeof setTimeout> | undefined
}

/** Longest delay `setTimeout` honours; a longer one fires at once. */
const maxTimerMs = 2 ** 31 - 1

/**
 * FIFO lines of waiting calls, one per denying counter. Retries run synchronously while `retry`
 * is synchronous (the memory store), so a slot freed by a settlement goes to the oldest waiter
 * before any new call can take it. A call that is still denied stays at the head of its line; a
 * call denied by another counter moves to that counter's line in arrival order. No polling: only
 * releases, `retryAfterMs` and deadlines trigger work, and their timers are `unref`'d, so waiting
 * never keeps a process alive.
 */
export function createWaitQueue(clock: () => number): WaitQueue {
  const lines = new Map<string, Line>()
  let arrivals = 0
  let releases = 0
  let size = 0

  const lineKey = (denied: AdmissionDenied): string => `${denied.denial.reason}\u0000${denied.denial.policy}`

  const timer = (delayMs: number, run: () => void): ReturnType<typeof setTimeout> => {
    const handle = setTimeout(run, Math.min(maxTimerMs, Math.max(0, delayMs)))
    handle.unref?.()
    return handle
  }

  const lineOf = (key: string): Line => {
    let line = lines.get(key)
    if (line === undefined) {
      line = { waiters: [], busy: false, attempts: 0, retryTimer: undefined }
      lines.set(key, line)
    }
    return line
  }

  const enqueue = (waiter: Waiter): Line => {
    const line = lineOf(lineKey(waiter.last))
    let at = line.waiters.length
    while (at > 0 && line.waiters[at - 1]!.arrival > waiter.arrival) at -= 1
    line.waiters.splice(at, 0, waiter)
    return line
  }

  const remove = (key: string, line: Line, waiter: Waiter): void => {
    const at = line.waiters.indexOf(waiter)
    if (at >= 0) line.waiters.splice(at, 1)
    if (line.waiters.length === 0 && !line.busy) {
      if (line.retryTimer !== undefined) clearTimeout(line.retryTimer)
      lines.delete(key)
    }
  }

  const finish = (waiter: Waiter, admission: Admission): void => {
    if (waiter.deadlineTimer !== undefined) clearTimeout(waiter.deadlineTimer)
    size -= 1
    waiter.resolve(admission)
  }

  const watchDeadline = (waiter: Waiter): void => {
    waiter.deadlineTimer = timer(waiter.deadline - clock(), () => {
      if (clock() < waiter.deadline) {
        watchDeadline(waiter)
        return
      }
      const key = lineKey(waiter.last)
      const line = lines.get(key)
      // A waiter whose retry is in flight is answered by that retry.
      if (line === undefined || (line.busy && line.waiters[0] === waiter)) return
      remove(key, line, waiter)
      finish(waiter, waiter.last)
    })
  }

  /** Handles the head's retry result. */
  const handle = (key: string, line: Line, waiter: Waiter, admission: Admission): 'admitted' | 'denied' | 'moved' => {
    if (admission.allowed || clock() >= waiter.deadline) {
      remove(key, line, waiter)
      finish(waiter, admission)
      return admission.allowed ? 'admitted' : 'denied'
    }
    waiter.last = admission
    const movedTo = lineKey(admission)
    if (movedTo !== key) {
      remove(key, line, waiter)
      const other = enqueue(waiter)
      if (other.waiters[0] === waiter && admission.denial.retryAfterMs !== undefined) retryLater(movedTo, other, admission.denial.retryAfterMs)
      return 'moved'
    }
    if (admission.denial.retryAfterMs !== undefined) retryLater(key, line, admission.denial.retryAfterMs)
    return 'denied'
  }

  const retryLater = (key: string, line: Line, delayMs: number): void => {
    if (line.retryTimer !== undefined) clearTimeout(line.retryTimer)
    line.retryTimer = timer(delayMs, () => {
      line.retryTimer = undefined
      if (lines.get(key) === line) serve(key, line)
    })
  }

  /**
   * Gives `line` one more attempt (room for one call may have appeared) and spends its attempts on
   * its oldest waiters: an admission uses one, a denial ends the turn (no room), a waiter moved to
   * another line hands the attempt to the next.
   */
  const serve = (key: string, line: Line, attempts = 1): void => {
    line.attempts += attempts
    if (line.busy) return
    while (line.attempts > 0) {
      const waiter = line.waiters[0]
      if (waiter === undefined) {
        line.attempts = 0
        return
      }
      line.attempts -= 1
      const result = waiter.retry()
      if (isThenable(result)) {
        line.busy = true
        Promise.resolve(result).then((admission) => {
          line.busy = false
          settleTurn(key, line, waiter, admission)
          if (line.attempts > 0) serve(key, line, 0)
          else if (line.waiters.length === 0) lines.delete(key)
        })
        return
      }
      settleTurn(key, line, waiter, result)
    }
  }

  const settleTurn = (key: string, line: Line, waiter: Waiter, admission: Admission): void => {
    const outcome = handle(key, line, waiter, admission)
    if (outcome === 'moved') line.attempts += 1
    else if (outcome === 'denied') line.attempts = 0
  }

  return {
    wait(retry, denied, deadline, releasesSeen) {
      return new Promise<Admission>((resolve) => {
        const waiter: Waiter = { arrival: ++arrivals, retry, deadline, resolve, last: denied, deadlineTimer: undefined }
        size += 1
        const line = enqueue(waiter)
        watchDeadline(waiter)
        const first = line.waiters[0] === waiter
        if (first && releases !== releasesSeen) serve(lineKey(denied), line)
        else if (first && denied.denial.retryAfterMs !== undefined) retryLater(lineKey(denied), line, denied.denial.retryAfterMs)
      })
    },
    wake() {
      releases += 1
      if (lines.size === 0) return
      for (const [key, line] of lines) serve(key, line)
    },
    get releases() {
      return releases
    },
    get size() {
      return size
    },
  }
}
