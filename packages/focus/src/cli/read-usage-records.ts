import { createReadStream } from 'node:fs'
import { createInterface } from 'node:readline'
import type { UsageRecord } from '@finops-ai/core'
import { InputError } from './cli-io.js'

/** A line of a usage file that is not a usage record. */
export interface MalformedLine {
  file: string
  line: number
  message: string
}

/** Options of {@link readUsageRecords}. */
export interface ReadUsageOptions {
  /** Throw an {@link InputError} at the first malformed line instead of reporting and skipping it. Default false. */
  strict?: boolean
  /** Called for each skipped malformed line (not called in strict mode). */
  onMalformed?: (malformed: MalformedLine) => void
  /** Called with the total bytes read so far across all files. */
  onProgress?: (bytes: number) => void
}

const statuses = new Set(['ok', 'error', 'denied'])
const isCount = (value: unknown) => typeof value === 'number' && Number.isFinite(value) && value >= 0

/** Why `value` is not a usage record, or `undefined` when it is one. */
export function usageRecordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'not a JSON object'
  const record = value as Partial<UsageRecord>
  if (typeof record.startTime !== 'string' || Number.isNaN(Date.parse(record.startTime))) return 'startTime is not an ISO 8601 date'
  if (typeof record.provider !== 'string' || record.provider === '') return 'provider is missing'
  if (typeof record.model !== 'string' || record.model === '') return 'model is missing'
  const usage = record.usage as Partial<UsageRecord['usage']> | undefined
  if (typeof usage !== 'object' || usage === null || !isCount(usage.inputTokens) || !isCount(usage.outputTokens)) {
    return 'usage.inputTokens/outputTokens must be numbers ≥ 0'
  }
  if (typeof record.attribution !== 'object' || record.attribution === null) return 'attribution must be an object'
  if (record.status !== undefined && !statuses.has(record.status)) return `status '${String(record.status)}' is not ok, error or denied`
  if (record.cost !== null && record.cost !== undefined && !Number.isSafeInteger(record.cost.usdNanos)) return 'cost.usdNanos must be an integer'
  if (record.cacheHit !== undefined) {
    const avoided = (record.cacheHit as Partial<NonNullable<UsageRecord['cacheHit']>> | null)?.costAvoided
    if (avoided !== null && !Number.isSafeInteger(avoided?.usdNanos)) return 'cacheHit.costAvoided must be null or a cost with an integer usdNanos'
  }
  return undefined
}

/**
 * Reads usage records from JSON Lines files one line at a time (constant memory). Blank lines are
 * ignored; every other line that is not a usage record is reported as `file:line` through
 * `onMalformed` and skipped, or ends the read with an {@link InputError} when `strict`.
 * An unreadable file is an {@link InputError}.
 */
export async function* readUsageRecords(files: readonly string[], options: ReadUsageOptions = {}): AsyncGenerator<UsageRecord> {
  let done = 0
  for (const file of files) {
    const stream = createReadStream(file)
    const opened = new Promise<void>((resolve, reject) => stream.once('open', () => resolve()).once('error', reject))
    try {
      await opened
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${(error as Error).message}`)
    }
    const lines = createInterface({ input: stream, crlfDelay: Infinity })
    let number = 0
    for await (const line of lines) {
      number++
      if (number % 1024 === 0) options.onProgress?.(done + stream.bytesRead)
      if (line.trim() === '') continue
      let value: unknown
      let problem: string | undefined
      try {
        value = JSON.parse(line)
        problem = usageRecordProblem(value)
      } catch (error) {
        problem = `invalid JSON (${(error as Error).message})`
      }
      if (problem === undefined) {
        const record = value as UsageRecord
        yield { ...record, status: record.status ?? 'ok', unallocated: record.unallocated === true, cost: record.cost ?? null }
        continue
      }
      if (options.strict) throw new InputError(`${file}:${number}: ${problem}`)
      options.onMalformed?.({ file, line: number, message: problem })
    }
    done += stream.bytesRead
    options.onProgress?.(done)
  }
}
