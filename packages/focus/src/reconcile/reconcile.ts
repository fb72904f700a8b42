import { ConfigError, type UsageRecord } from '@finops-ai/core'
import { compareReport, type Reconciliation } from './compare-report.js'
import { checkLedgerMapping, type LedgerMapping } from './ledger-row.js'
import type { ReconcileDimension } from './match-groups.js'
import type { ProviderReport, ReadReportOptions, ReconcileProvider } from './provider-report.js'
import { readAnthropicReport } from './read-anthropic-report.js'
import { readOpenAiReport } from './read-openai-report.js'
import { DEFAULT_TOLERANCE, type Tolerance } from './verdict.js'

/** Options of {@link reconcile}. */
export interface ReconcileOptions extends Omit<ReadReportOptions, 'from' | 'to'> {
  /** Whose organisation reports to read. */
  provider: ReconcileProvider
  /** First UTC day compared, inclusive: a `Date` or ISO string at 00:00:00Z (e.g. `'2026-11-01'`). */
  from: Date | string
  /** End of the range, exclusive, at 00:00:00Z. */
  to: Date | string
  /** The ledger: usage records as `jsonlUsageSink` writes them (e.g. `readUsageRecords(files)`). */
  records: Iterable<UsageRecord> | AsyncIterable<UsageRecord>
  /** How records map onto the provider's project and API key. Default: neither (compare by day and model). */
  ledger?: LedgerMapping
  /** Also compare per service tier. Anthropic only: OpenAI's cost report has no tier. Default false. */
  byServiceTier?: boolean
  /** Default {@link DEFAULT_TOLERANCE}: 1 % and 0.000001 USD. */
  tolerance?: Tolerance
}

const READERS: Record<ReconcileProvider, (options: ReadReportOptions) => Promise<ProviderReport>> = { openai: readOpenAiReport, anthropic: readAnthropicReport }

function wholeDay(path: string, value: Date | string): Date {
  const date = typeof value === 'string' ? new Date(value) : value
  if (Number.isNaN(date.getTime()) || date.getTime() % 86_400_000 !== 0) {
    throw new ConfigError({ path, detail: `expected a UTC day (00:00:00Z) such as 2026-11-01, got '${String(value)}'` })
  }
  return date
}

/**
 * Checks the ledger against the provider's own bill: reads the organisation usage and cost reports
 * through the official SDK (`openai` / `@anthropic-ai/sdk`, loaded only here) with an admin key,
 * groups both sides on UTC day × model (× project × API key × tier, as `ledger` and
 * `byServiceTier` allow), and judges every group (see `Verdict`). Provider usage without ledger
 * records is reported as shadow spend per project and API key; groups whose tokens agree and whose
 * costs do not show the effective price per million tokens of each side.
 *
 * Throws `ConfigError` for bad options or a missing admin key / SDK, and `ProviderReportError`
 * (with the HTTP status) when a report cannot be fetched after the SDK's retries: never a zero.
 *
 * @example
 * const result = await reconcile({ provider: 'openai', from: '2026-11-01', to: '2026-11-08',
 *   records: readUsageRecords(['usage.jsonl']), ledger: { project: 'proj_abc' } })
 */
export async function reconcile(options: ReconcileOptions): Promise<Reconciliation> {
  if (!Object.hasOwn(READERS, options.provider)) throw new ConfigError({ path: 'provider', detail: `expected openai or anthropic, got '${String(options.provider)}'` })
  const from = wholeDay('from', options.from)
  const to = wholeDay('to', options.to)
  if (to <= from) throw new ConfigError({ path: 'to', detail: 'must be after from' })
  const ledger = options.ledger ?? {}
  checkLedgerMapping(ledger)
  if (options.byServiceTier && options.provider === 'openai') {
    throw new ConfigError({ path: 'byServiceTier', detail: "OpenAI's cost report has no service-tier break-out" })
  }
  const dimensions: ReconcileDimension[] = []
  if (ledger.project !== undefined || ledger.projectAttribute !== undefined) dimensions.push('project')
  if (ledger.apiKeyId !== undefined || ledger.apiKeyAttribute !== undefined) dimensions.push('apiKey')
  if (options.byServiceTier) dimensions.push('serviceTier')
  const tolerance = { relative: options.tolerance?.relative ?? DEFAULT_TOLERANCE.relative, absoluteUsd: options.tolerance?.absoluteUsd ?? DEFAULT_TOLERANCE.absoluteUsd }
  for (const name of ['relative', 'absoluteUsd'] as const) {
    if (!Number.isFinite(tolerance[name]) || tolerance[name] < 0) throw new ConfigError({ path: `tolerance.${name}`, detail: `expected a number ≥ 0, got ${String(tolerance[name])}` })
  }
  const report = await READERS[options.provider]({ ...options, from, to })
  return compareReport(report, options.records, { from, to, ledger, dimensions, tolerance })
}
