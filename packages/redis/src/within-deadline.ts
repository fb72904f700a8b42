/**
 * Settles like `work`, or rejects with `onTimeout()` when `work` has not settled `timeoutMs`
 * after the call. When the timer fires, a reply that already arrived in the same event-loop turn
 * still wins (the rejection waits for one `setImmediate`), so a busy loop does not turn delivered
 * replies into timeouts. `work`'s own later rejection is observed, never left unhandled.
 */
export function withinDeadline<T>(work: Promise<T>, timeoutMs: number, onTimeout: () => Error): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false
    const timer = setTimeout(() => {
      setImmediate(() => {
        if (settled) return
        settled = true
        reject(onTimeout())
      })
    }, timeoutMs)
    timer.unref()
    work.then(
      (value) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        resolve(value)
      },
      (error: unknown) => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        reject(error)
      },
    )
  })
}
