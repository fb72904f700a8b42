import { appendFileSync, closeSync, openSync, readSync, renameSync, statSync } from 'node:fs'
import type { UsageRecord, UsageSink } from '@finops-ai/core'
import { rotatedPath, utcDay } from './rotated-path.js'

/** Options of {@link jsonlUsageSink}. */
export interface JsonlUsageSinkOptions {
  /** The active ledger file, e.g. `usage.jsonl`; created (not its directory) when missing. */
  path: string
  /**
   * Rotation: the active file is renamed to `usage-YYYY-MM-DD.jsonl` (`.1`, `.2`, … when taken; the
   * day its contents started, UTC) before a write that would make it exceed `maxBytes`, or before
   * the first write of a new UTC day when `daily` is true. A batch is never split: a file may exceed
   * `maxBytes` by one batch when it was empty. Default: no rotation.
   */
  rotate?: { maxBytes?: number; daily?: boolean }
  /**
   * Records held in memory before they are written at once, on the calling tick (the producer waits
   * for that write: backpressure, never a drop). Only when writes keep failing are the oldest
   * records beyond this bound discarded and counted in `dropped`. Default 1000.
   */
  maxBufferedRecords?: number
  /**
   * Longest time a record waits in memory before it is written. Default 0: records are written
   * once the current tick is done (`setImmediate`), so every call of one tick shares one write and
   * `finops.flush()` returns as soon as that write is done. A larger value batches more but makes
   * `finops.flush()` wait up to that long.
   */
  flushIntervalMs?: number
  /** Clock for rotation by day. Default `Date.now`. */
  clock?: () => number
}

/** The sink: a {@link UsageSink} with explicit flushing and closing. */
export interface JsonlUsageSink extends UsageSink {
  /** Writes buffered records now; rejects when the write failed (the records stay buffered). */
  flush(): Promise<void>
  /** Writes what is buffered and detaches from the process; later records are written at once. */
  close(): void
  /** Records discarded after repeated write failures overflowed the buffer (0 unless the disk fails). */
  readonly dropped: number
}

interface Batch {
  promise: Promise<void>
  resolve: () => void
  reject: (error: unknown) => void
}

function newBatch(): Batch {
  let resolve!: () => void
  let reject!: (error: unknown) => void
  const promise = new Promise<void>((ok, fail) => {
    resolve = ok
    reject = fail
  })
  promise.catch(() => {}) // the caller may not await: a failed write must not crash the process
  return { promise, resolve, reject }
}

/**
 * A usage sink appending one JSON line per record to a file (JSON Lines), for `onUsage` of
 * `createFinOps` and for the `finops-ai` CLI to read back.
 *
 * Crash safety: records are buffered and written as whole lines, a whole batch in ONE
 * `appendFileSync` (one `write(2)` on an `O_APPEND` descriptor), so a process crash never leaves a
 * half line; a power loss can at worst truncate the last batch, and a file found not ending in a
 * newline is terminated before appending, so only that one line is lost (the CLI reports it as
 * malformed with `file:line`). Writes are synchronous but happen off the call path (a timer,
 * `setImmediate`, `flush()`, or overflow), which keeps ordering exact and lets the `exit` handler write the rest.
 *
 * Returned promises: calling the sink returns the promise of the batch the record is in;
 * `finops.flush()`/`shutdown()` await it. On `beforeExit` and `exit` the buffer is written too —
 * but a process killed by a signal it does not handle (SIGTERM/SIGKILL) loses the records of the
 * current tick (or `flushIntervalMs`): call `finops.shutdown()` in your signal handler.
 *
 * @example
 * const finops = createFinOps({ onUsage: jsonlUsageSink({ path: 'usage.jsonl', rotate: { daily: true } }) })
 */
export function jsonlUsageSink(options: JsonlUsageSinkOptions): JsonlUsageSink {
  const { path, rotate = {} } = options
  const maxBuffered = options.maxBufferedRecords ?? 1000
  const interval = options.flushIntervalMs ?? 0
  const clock = options.clock ?? Date.now
  let lines: string[] = []
  let batch: Batch | undefined
  let timer: NodeJS.Timeout | NodeJS.Immediate | undefined
  let opened = false
  let size = 0
  let day = ''
  let needsNewline = false
  let closed = false
  let dropped = 0
  let retryAfter = 0

  function open(now: number): void {
    opened = true
    try {
      const stat = statSync(path)
      size = stat.size
      day = utcDay(stat.mtime)
      if (size > 0) {
        const fd = openSync(path, 'r')
        const last = Buffer.alloc(1)
        readSync(fd, last, 0, 1, size - 1)
        closeSync(fd)
        needsNewline = last[0] !== 0x0a
      }
    } catch {
      size = 0
      day = utcDay(new Date(now))
    }
  }

  function write(): void {
    if (timer !== undefined) {
      if (interval === 0) clearImmediate(timer as NodeJS.Immediate)
      else clearTimeout(timer as NodeJS.Timeout)
      timer = undefined
    }
    const current = batch
    batch = undefined
    if (lines.length === 0) {
      current?.resolve()
      return
    }
    const now = clock()
    try {
      if (!opened) open(now)
      const today = utcDay(new Date(now))
      const data = `${needsNewline ? '\n' : ''}${lines.join('')}`
      const bytes = Buffer.byteLength(data)
      const full = rotate.maxBytes !== undefined && size + bytes > rotate.maxBytes
      if (size > 0 && ((rotate.daily === true && day !== today) || full)) {
        renameSync(path, rotatedPath(path, day))
        size = 0
      }
      if (size === 0) day = today
      appendFileSync(path, data)
      size += bytes
      needsNewline = false
      lines = []
      current?.resolve()
    } catch (error) {
      opened = false
      retryAfter = now + Math.max(interval, 1000)
      if (lines.length > maxBuffered) {
        dropped += lines.length - maxBuffered
        lines = lines.slice(lines.length - maxBuffered)
      }
      current?.reject(new Error(`finops-ai: cannot write usage records to ${path} (${dropped} dropped so far)`, { cause: error }))
      schedule()
    }
  }

  function schedule(): void {
    if (timer !== undefined || closed) return
    if (interval === 0 && clock() >= retryAfter) timer = setImmediate(write).unref()
    else timer = setTimeout(write, Math.max(interval, retryAfter - clock())).unref()
  }

  const onBeforeExit = () => write()
  process.on('beforeExit', onBeforeExit)
  process.on('exit', onBeforeExit)

  const sink = ((record: UsageRecord): Promise<void> => {
    lines.push(`${JSON.stringify(record)}\n`)
    batch ??= newBatch()
    const promise = batch.promise
    if (closed || (lines.length >= maxBuffered && clock() >= retryAfter)) write()
    else schedule()
    return promise
  }) as JsonlUsageSink

  Object.defineProperties(sink, {
    flush: {
      value: (): Promise<void> => {
        batch ??= newBatch()
        const promise = batch.promise
        write()
        return promise
      },
    },
    close: {
      value: (): void => {
        closed = true
        write()
        process.off('beforeExit', onBeforeExit)
        process.off('exit', onBeforeExit)
      },
    },
    dropped: { get: () => dropped },
  })
  return sink
}
