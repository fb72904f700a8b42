import type { RouteResult } from './fake-route.js'
import { type AdminRoute, type AdminRouteContext, dayStartOf, filterRows, type OrganizationUsageRow, pageCursor, pageOffset, queryList } from './organization-usage.js'

const DAY_MS = 86_400_000
const MAX_RANGE_MS = 31 * DAY_MS
const NANOS_PER_CENT = 10_000_000
const GROUPS = ['api_key_id', 'model', 'service_tier', 'workspace_id']
const GROUP_FIELDS = [
  'actor', 'actor_type', 'agent_id', 'api_key_id', 'claude_tag_category', 'claude_tag_user_id', 'context_window', 'deployment_id', 'environment_id',
  'inference_geo', 'model', 'organization_id', 'product', 'rbac_group_id', 'service_tier', 'session_id', 'slack_channel_id', 'speed',
  'user_profile_id', 'workspace_id',
]

interface ReportRow {
  start: number
  end: number
  group: Record<string, string | null>
  rows: OrganizationUsageRow[]
}

/** Integer nanos as a decimal number of cents, exactly: 12_345_678 → `'1.2345678'`. */
function centsOf(nanos: number): string {
  const whole = Math.floor(nanos / NANOS_PER_CENT)
  const fraction = String(nanos % NANOS_PER_CENT).padStart(7, '0').replace(/0+$/, '')
  return fraction === '' ? String(whole) : `${whole}.${fraction}`
}

/**
 * The report rows of one page: the seeded rows in `[starting_at, ending_at)`, per daily bucket
 * (with `time_bucket_width=1d`) or over the whole range, per combination of the grouped fields;
 * `limit` rows a page (default 20), ordered by bucket then first appearance.
 */
function reportPage(context: AdminRouteContext): { rows: ReportRow[]; cursor: ReturnType<typeof pageCursor> } | { error: RouteResult } {
  const { query, errorBody } = context
  const invalid = (message: string) => ({ error: { type: 'json', status: 400, body: errorBody(400, message) } as const })
  const start = Date.parse(query.get('starting_at') ?? '')
  if (Number.isNaN(start)) return invalid('starting_at: an RFC 3339 date-time is required')
  const width = query.get('time_bucket_width')
  if (width !== null && width !== '1d') return invalid(`time_bucket_width: the fake provider serves 1d buckets only, got '${width}'`)
  if (width !== null && !query.has('ending_at')) return invalid('ending_at: required when time_bucket_width is set')
  const end = query.has('ending_at') ? Date.parse(query.get('ending_at')!) : start + MAX_RANGE_MS
  if (Number.isNaN(end) || end <= start) return invalid('ending_at: an RFC 3339 date-time after starting_at is required')
  if (end - start > MAX_RANGE_MS) return invalid('ending_at: the range may span at most 31 days')
  const limit = query.has('limit') ? Number(query.get('limit')) : 20
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) return invalid('limit: expected 1 to 1000')
  const groupBy = queryList(query, 'group_by')
  const unknown = groupBy.find((field) => !GROUPS.includes(field))
  if (unknown !== undefined) return invalid(`group_by: the fake provider does not break out '${unknown}'`)
  const offset = pageOffset(query)
  if (offset === undefined) return invalid('page: not a cursor from next_page')
  const seeded = filterRows(context.report.rows, 'anthropic', query, 'workspace_ids').filter((row) => dayStartOf(row) >= start && dayStartOf(row) < end)
  const all = new Map<string, ReportRow>()
  for (const row of [...seeded].sort((a, b) => dayStartOf(a) - dayStartOf(b))) {
    const bucketStart = width === null ? start : dayStartOf(row)
    const values: Record<string, string | null> = { api_key_id: row.apiKeyId ?? null, model: row.model, service_tier: row.serviceTier ?? null, workspace_id: row.projectId ?? null }
    const group = Object.fromEntries(GROUP_FIELDS.map((field) => [field, groupBy.includes(field) ? (values[field] ?? null) : null]))
    const key = JSON.stringify([bucketStart, group])
    const entry = all.get(key) ?? { start: bucketStart, end: width === null ? end : bucketStart + DAY_MS, group, rows: [] }
    entry.rows.push(row)
    all.set(key, entry)
  }
  const rows = [...all.values()]
  return { rows: rows.slice(offset, offset + limit), cursor: pageCursor(offset, limit, rows.length) }
}

function page(context: AdminRouteContext, rows: readonly ReportRow[], cursor: ReturnType<typeof pageCursor>, itemOf: (row: ReportRow) => object): RouteResult {
  const data = rows.map((row) => ({ starting_at: new Date(row.start).toISOString(), ending_at: new Date(row.end).toISOString(), group: row.group, ...itemOf(row) }))
  const refreshedAt = context.report.refreshedAt ?? new Date().toISOString()
  return { type: 'json', status: 200, body: { data, ...cursor, data_refreshed_at: refreshedAt } }
}

const sum = (rows: readonly OrganizationUsageRow[], read: (row: OrganizationUsageRow) => number | undefined) => rows.reduce((total, row) => total + (read(row) ?? 0), 0)

/**
 * `GET /v1/organizations/analytics/usage` (beta): token usage of the seeded Anthropic rows, broken
 * out by `group_by[]` (`workspace_id`, `api_key_id`, `model`, `service_tier`; other group fields
 * are `null`) and by `time_bucket_width=1d`, paged by row (`limit`, `page` ↔ `next_page`), with
 * `data_refreshed_at` from the seeded `refreshedAt`. Cache writes are reported as 5-minute writes.
 */
export const anthropicOrganizationUsageRoute: AdminRoute = (context) => {
  const result = reportPage(context)
  if ('error' in result) return result.error
  return page(context, result.rows, result.cursor, ({ rows }) => {
    const cached = sum(rows, (row) => row.cachedInputTokens)
    const written = sum(rows, (row) => row.cacheWriteTokens)
    const uncached = sum(rows, (row) => row.inputTokens) - cached - written
    const output = sum(rows, (row) => row.outputTokens)
    return {
      usage: {
        uncached_input_tokens: uncached,
        cache_read_input_tokens: cached,
        cache_creation: { ephemeral_5m_input_tokens: written, ephemeral_1h_input_tokens: 0 },
        output_tokens: output,
        requests: sum(rows, (row) => row.requests ?? 1),
        server_tool_use: { web_search_requests: 0 },
        total_tokens: uncached + cached + written + output,
      },
    }
  })
}

/**
 * `GET /v1/organizations/analytics/cost` (beta): the seeded Anthropic rows' cost in cents as exact
 * decimal strings (`amount` = `list_amount`, currency `USD`), broken out and paged as
 * {@link anthropicOrganizationUsageRoute}; `cost_type`/`token_type` break-outs are not served.
 */
export const anthropicOrganizationCostRoute: AdminRoute = (context) => {
  const result = reportPage(context)
  if ('error' in result) return result.error
  return page(context, result.rows, result.cursor, (reportRow) => {
    const rows = reportRow.rows
    const nanos = sum(rows, (row) => Math.round(row.inputCostUsd * 1e9) + Math.round((row.outputCostUsd ?? 0) * 1e9))
    const amount = centsOf(nanos)
    return { group: { ...reportRow.group, cost_type: null, token_type: null }, cost: { amount, list_amount: amount, currency: 'USD', requests: sum(rows, (row) => row.requests ?? 1) } }
  })
}
