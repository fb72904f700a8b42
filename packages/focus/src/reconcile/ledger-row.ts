import { ConfigError, type UsageRecord } from '@finops-ai/core'
import { modelKey } from './model-key.js'
import type { ReconcileProvider, UsageRow } from './provider-report.js'

/**
 * How ledger records map onto the provider's project and API key, which usage records do not
 * carry: a fixed value for the whole ledger (one service, one project and key), or an attribution
 * key whose value names it per call. Leave a dimension out to compare without it.
 */
export interface LedgerMapping {
  /** OpenAI project id / Anthropic workspace id of every ledger record (e.g. `proj_abc`). */
  project?: string
  /** Attribution key holding each record's project id (e.g. `project`). */
  projectAttribute?: string
  /** API key id of every ledger record (e.g. `key_abc` / `apikey_01…`). */
  apiKeyId?: string
  /** Attribution key holding each record's API key id. */
  apiKeyAttribute?: string
}

/** Validates a {@link LedgerMapping}: at most one way per dimension. */
export function checkLedgerMapping(mapping: LedgerMapping): void {
  if (mapping.project !== undefined && mapping.projectAttribute !== undefined) {
    throw new ConfigError({ path: 'ledger.projectAttribute', detail: 'give project or projectAttribute, not both' })
  }
  if (mapping.apiKeyId !== undefined && mapping.apiKeyAttribute !== undefined) {
    throw new ConfigError({ path: 'ledger.apiKeyAttribute', detail: 'give apiKeyId or apiKeyAttribute, not both' })
  }
}

const valueOf = (record: UsageRecord, fixed: string | undefined, attribute: string | undefined) =>
  fixed ?? (attribute === undefined ? null : (record.attribution[attribute] ?? null))

/**
 * One ledger record as a {@link UsageRow}: its UTC day, the model that served it (`responseModel`,
 * else the requested one, see `modelKey`), the mapped project and API key, its tier (Anthropic's
 * default is `standard`), one request, its tokens and its exact cost (`0` when unpriced).
 */
export function ledgerRow(record: UsageRecord, provider: ReconcileProvider, mapping: LedgerMapping): UsageRow {
  return {
    day: new Date(record.startTime).toISOString().slice(0, 10),
    model: modelKey(record.responseModel ?? record.model),
    project: valueOf(record, mapping.project, mapping.projectAttribute),
    apiKey: valueOf(record, mapping.apiKeyId, mapping.apiKeyAttribute),
    serviceTier: record.serviceTier ?? (provider === 'anthropic' ? 'standard' : null),
    requests: 1,
    inputTokens: record.usage.inputTokens,
    outputTokens: record.usage.outputTokens,
    costNanos: record.cost?.usdNanos ?? 0,
  }
}
