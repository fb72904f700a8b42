/** Wait before the first background retry, in ms; each next wait is four times longer. */
const firstDelayMs = 25

/** Longest wait between two background retries, in ms. */
const delayCapMs = 5_000

/**
 * Runs `attempt` until it resolves, in the background: again 25 ms, 100 ms, 400 ms, 1.6 s after
 * each failure, then every 5 s, as long as the next try starts within `forMs` of now. Timers are
 * `unref`'d, so pending retries never keep a process alive.
 */
export function retryInBackground(attempt: () => Promise<unknown>, forMs: number): void {
  const until = Date.now() + forMs
  const run = (delayMs: number): void => {
    attempt().catch(() => {
      if (Date.now() + delayMs <= until) setTimeout(() => run(Math.min(delayCapMs, delayMs * 4)), delayMs).unref()
    })
  }
  run(firstDelayMs)
}
