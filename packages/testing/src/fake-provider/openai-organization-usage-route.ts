import { type AdminRoute, type AdminRouteContext, dayStartOf, filterRows, type OrganizationUsageRow, pageCursor, pageOffset, queryList } from './organization-usage.js'
import type { RouteResult } from './fake-route.js'

const DAY_MS = 86_400_000
const NANOS_PER_USD = 1_000_000_000
const USAGE_GROUPS = ['project_id', 'user_id', 'api_key_id', 'model', 'batch', 'service_tier', 'api_source']
const COST_GROUPS = ['project_id', 'user_id', 'line_item', 'api_key_id', 'api_source']

interface Bucket {
  start: number
  rows: OrganizationUsageRow[]
}

interface BucketPage {
  groupBy: string[]
  buckets: Bucket[]
  cursor: ReturnType<typeof pageCursor>
}

/** One result per distinct value of the grouped fields, in first-seen order. */
function groupRows<T>(items: readonly T[], keyOf: (item: T) => string): T[][] {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    const key = keyOf(item)
    groups.set(key, [...(groups.get(key) ?? []), item])
  }
  return [...groups.values()]
}

/**
 * Daily buckets from `start_time` to `end_time` (default: `limit` days), one page of `limit` buckets
 * (default 7, at most `maxLimit`) from the `page` cursor; or an error result.
 */
function bucketPage(context: AdminRouteContext, allowedGroups: readonly string[], maxLimit: number): BucketPage | { error: RouteResult } {
  const { query, errorBody } = context
  const invalid = (message: string) => ({ error: { type: 'json', status: 400, body: errorBody(400, message) } as const })
  const start = Number(query.get('start_time'))
  if (!query.has('start_time') || !Number.isInteger(start)) return invalid('start_time: an integer (Unix seconds) is required')
  const width = query.get('bucket_width') ?? '1d'
  if (width !== '1d') return invalid(`bucket_width: the fake provider serves 1d buckets only, got '${width}'`)
  const limit = query.has('limit') ? Number(query.get('limit')) : 7
  if (!Number.isInteger(limit) || limit < 1 || limit > maxLimit) return invalid(`limit: expected 1 to ${maxLimit}`)
  const groupBy = queryList(query, 'group_by')
  const unknown = groupBy.find((field) => !allowedGroups.includes(field))
  if (unknown !== undefined) return invalid(`group_by: unsupported field '${unknown}'`)
  const offset = pageOffset(query)
  if (offset === undefined) return invalid('page: not a cursor from next_page')
  const firstDay = Math.floor((start * 1000) / DAY_MS) * DAY_MS
  const end = query.has('end_time') ? Number(query.get('end_time')) * 1000 : firstDay + limit * DAY_MS
  const starts: number[] = []
  for (let day = firstDay; day < end; day += DAY_MS) starts.push(day)
  const rows = filterRows(context.report.rows, 'openai', query, 'project_ids')
  const buckets: Bucket[] = starts.slice(offset, offset + limit).map((day) => ({ start: day, rows: rows.filter((row) => dayStartOf(row) === day) }))
  return { groupBy, buckets, cursor: pageCursor(offset, limit, starts.length) }
}

const field = <T>(groupBy: readonly string[], name: string, value: T): T | null => (groupBy.includes(name) ? value : null)

function page(buckets: readonly Bucket[], cursor: ReturnType<typeof pageCursor>, resultsOf: (rows: OrganizationUsageRow[]) => unknown[]): RouteResult {
  const data = buckets.map((bucket) => ({ object: 'bucket', start_time: bucket.start / 1000, end_time: (bucket.start + DAY_MS) / 1000, results: resultsOf(bucket.rows) }))
  return { type: 'json', status: 200, body: { object: 'page', data, ...cursor } }
}

/**
 * `GET /v1/organization/usage/{completions,embeddings}`: daily buckets of the seeded rows of that
 * kind, grouped by `group_by[]` (`project_id`, `api_key_id`, `model`, `service_tier`, `batch`;
 * fields not grouped by are `null`), paged by bucket (`limit`, `page` ↔ `next_page`).
 */
export function openaiOrganizationUsageRoute(kind: 'completions' | 'embeddings'): AdminRoute {
  return (context) => {
    const result = bucketPage(context, USAGE_GROUPS, 31)
    if ('error' in result) return result.error
    const { groupBy, buckets, cursor } = result
    const keyOf = (row: OrganizationUsageRow) =>
      JSON.stringify([field(groupBy, 'project_id', row.projectId), field(groupBy, 'api_key_id', row.apiKeyId), field(groupBy, 'model', row.model), field(groupBy, 'service_tier', row.serviceTier), field(groupBy, 'batch', row.serviceTier === 'batch')])
    return page(buckets, cursor, (rows) =>
      groupRows(rows.filter((row) => (row.kind ?? 'completions') === kind), keyOf).map((group) => {
        const [first] = group as [OrganizationUsageRow]
        const sum = (read: (row: OrganizationUsageRow) => number | undefined) => group.reduce((total, row) => total + (read(row) ?? 0), 0)
        const common = {
          object: `organization.usage.${kind}.result`,
          input_tokens: sum((row) => row.inputTokens),
          num_model_requests: sum((row) => row.requests ?? 1),
          project_id: field(groupBy, 'project_id', first.projectId ?? null),
          user_id: null,
          api_key_id: field(groupBy, 'api_key_id', first.apiKeyId ?? null),
          model: field(groupBy, 'model', first.model),
        }
        if (kind === 'embeddings') return common
        return {
          ...common,
          output_tokens: sum((row) => row.outputTokens),
          input_cached_tokens: sum((row) => row.cachedInputTokens),
          input_cache_write_tokens: sum((row) => row.cacheWriteTokens),
          input_uncached_tokens: sum((row) => row.inputTokens - (row.cachedInputTokens ?? 0) - (row.cacheWriteTokens ?? 0)),
          batch: field(groupBy, 'batch', first.serviceTier === 'batch'),
          service_tier: field(groupBy, 'service_tier', first.serviceTier ?? null),
          api_source: null,
        }
      }),
    )
  }
}

/**
 * `GET /v1/organization/costs`: daily buckets of the seeded rows' costs, grouped by `group_by[]`
 * (`project_id`, `api_key_id`, `line_item`); each row bills two line items, `"<model>, input"` and
 * `"<model>, output"` (the latter only when it costs something). `limit` up to 180.
 */
export const openaiOrganizationCostsRoute: AdminRoute = (context) => {
  const result = bucketPage(context, COST_GROUPS, 180)
  if ('error' in result) return result.error
  const { groupBy, buckets, cursor } = result
  return page(buckets, cursor, (rows) => {
    const items = rows.flatMap((row) => [
      { row, lineItem: `${row.model}, input`, nanos: Math.round(row.inputCostUsd * NANOS_PER_USD) },
      ...((row.outputCostUsd ?? 0) > 0 ? [{ row, lineItem: `${row.model}, output`, nanos: Math.round(row.outputCostUsd! * NANOS_PER_USD) }] : []),
    ])
    const keyOf = (item: (typeof items)[number]) =>
      JSON.stringify([field(groupBy, 'project_id', item.row.projectId), field(groupBy, 'api_key_id', item.row.apiKeyId), field(groupBy, 'line_item', item.lineItem)])
    return groupRows(items, keyOf).map((group) => {
      const [first] = group as [(typeof items)[number]]
      return {
        object: 'organization.costs.result',
        amount: { value: group.reduce((total, item) => total + item.nanos, 0) / NANOS_PER_USD, currency: 'usd' },
        line_item: field(groupBy, 'line_item', first.lineItem),
        project_id: field(groupBy, 'project_id', first.row.projectId ?? null),
        api_key_id: field(groupBy, 'api_key_id', first.row.apiKeyId ?? null),
        user_id: null,
        api_source: null,
      }
    })
  })
}
