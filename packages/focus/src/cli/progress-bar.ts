/** Options of {@link createProgressBar}. */
export interface ProgressBarOptions {
  /** Total amount of work (e.g. bytes). */
  total: number
  stream: { write(text: string): unknown; isTTY?: boolean }
  /** Show nothing for work that finishes within this many ms. Default 1000. */
  delayMs?: number
  /** Shortest time between two redraws in ms. Default 100. */
  intervalMs?: number
  label?: string
  clock?: () => number
}

/** A one-line progress bar redrawn in place. */
export interface ProgressBar {
  update(done: number): void
  /** Clears the bar (if shown). */
  finish(): void
}

/**
 * A progress bar for a TTY (usually stderr): nothing is drawn on a non-TTY or before `delayMs`, so
 * quick runs and pipes stay clean; then at most one redraw per `intervalMs`.
 */
export function createProgressBar(options: ProgressBarOptions): ProgressBar {
  const clock = options.clock ?? Date.now
  const started = clock()
  const delay = options.delayMs ?? 1000
  const interval = options.intervalMs ?? 100
  let shown = false
  let drawn = 0
  const enabled = options.stream.isTTY === true && options.total > 0
  return {
    update(done) {
      if (!enabled) return
      const now = clock()
      if (now - started < delay || now - drawn < interval) return
      drawn = now
      shown = true
      const ratio = Math.min(1, done / options.total)
      const width = 30
      const filled = Math.round(ratio * width)
      options.stream.write(`\r${options.label ?? ''}[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${(ratio * 100).toFixed(0).padStart(3)}%`)
    },
    finish() {
      if (shown) options.stream.write('\r\x1b[2K')
    },
  }
}
