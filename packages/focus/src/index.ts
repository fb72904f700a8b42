export { jsonlUsageSink } from './sink/jsonl-usage-sink.js'
export type { JsonlUsageSink, JsonlUsageSinkOptions } from './sink/jsonl-usage-sink.js'
export { rotatedPath } from './sink/rotated-path.js'

export { createFocusAggregator, toFocusRows } from './focus/focus-aggregator.js'
export type { FocusAggregator, FocusRowsOptions, FocusStats } from './focus/focus-aggregator.js'
export type { Granularity } from './focus/charge-period.js'
export { FOCUS_COLUMN_NAMES, FOCUS_COLUMNS, FOCUS_VERSION } from './focus/focus-columns.js'
export type { FocusColumn, FocusDataType, FocusRow } from './focus/focus-columns.js'
export { focusCsvOptions, focusCsvStringifier, toFocusCsv, writeFocusCsv } from './focus/focus-csv.js'
export { focusMetadata } from './focus/focus-metadata.js'
export type { FocusMetadata, FocusMetadataOptions } from './focus/focus-metadata.js'
export { parseFocusCsv } from './focus/parse-focus-csv.js'
export type { ParsedFocusCsv } from './focus/parse-focus-csv.js'
export { validateFocusRows } from './focus/validate-focus-rows.js'
export type { FocusIssue, FocusValidation } from './focus/validate-focus-rows.js'
export { validateFocusCsv } from './focus/validate-focus-csv.js'
export type { FocusMeter } from './focus/probe-meter-rates.js'

export { readUsageRecords } from './cli/read-usage-records.js'
export type { MalformedLine, ReadUsageOptions } from './cli/read-usage-records.js'
export { runCli } from './cli/run-cli.js'
export type { CliIo } from './cli/cli-io.js'

export { reconcile } from './reconcile/reconcile.js'
export type { ReconcileOptions } from './reconcile/reconcile.js'
export type { LedgerCounts, PriceDriftFinding, Reconciliation } from './reconcile/compare-report.js'
export type { PriceDrift, ReconcileDimension, ReconcileGroup } from './reconcile/match-groups.js'
export type { LedgerMapping } from './reconcile/ledger-row.js'
export { DEFAULT_REPORT_RETRIES } from './reconcile/provider-report.js'
export type { ReconcileProvider } from './reconcile/provider-report.js'
export { ProviderReportError } from './reconcile/provider-report-error.js'
export { SHADOW_SPEND_HINT } from './reconcile/shadow-spend.js'
export type { ShadowSpend } from './reconcile/shadow-spend.js'
export type { UsdAmounts } from './reconcile/usd-amounts.js'
export { DEFAULT_TOLERANCE } from './reconcile/verdict.js'
export type { Tolerance, Verdict } from './reconcile/verdict.js'
export { renderReconciliation } from './reconcile/render-reconciliation.js'
export { withProviderBilledCost } from './reconcile/provider-billed-cost.js'
export type { ProviderBilledCost } from './reconcile/provider-billed-cost.js'

export { createSavingsAnalysis, savings } from './savings/create-savings-analysis.js'
export type { SavingsAnalysis } from './savings/create-savings-analysis.js'
export { DEFAULT_AUTOMATIC_CACHE_PROVIDERS, DEFAULT_SHORT_OUTPUT_TOKENS } from './savings/savings-options.js'
export type { SavingsOptions } from './savings/savings-options.js'
export { DEFAULT_MODEL_SIBLINGS } from './savings/model-siblings.js'
export type {
  AutomaticCachingRow,
  BatchRow,
  CachedInputRow,
  DenialRow,
  DowngradeRow,
  ReasoningRow,
  ResponseCacheRow,
  RightSizingRow,
  Savings,
  SavingsCalls,
  SavingsGroup,
  SavingsSection,
  UnreadCacheWriteRow,
} from './savings/savings-types.js'
