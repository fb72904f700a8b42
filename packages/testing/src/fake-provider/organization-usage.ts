import type { RouteResult } from './fake-route.js'

/**
 * One seeded line of a provider's organisation usage and cost report: what one project (OpenAI) or
 * workspace (Anthropic), through one API key, used of one model on one UTC day, and what it cost.
 * The fake provider's admin report endpoints aggregate these rows by the requested `group_by`.
 */
export interface OrganizationUsageRow {
  /** Whose report the row belongs to. */
  provider: 'openai' | 'anthropic'
  /** The UTC day, `YYYY-MM-DD`. */
  day: string
  /** The model as the report names it, e.g. `gpt-4o-2024-08-06`. */
  model: string
  /** OpenAI `project_id` or Anthropic `workspace_id`. Default `null`. */
  projectId?: string | null
  /** The API key id (`key_…` / `apikey_…`). Default `null`. */
  apiKeyId?: string | null
  /** Service tier, e.g. `default` (OpenAI) or `standard` (Anthropic). Default `null`. */
  serviceTier?: string | null
  /** OpenAI only: which usage endpoint reports the row. Default `'completions'`. */
  kind?: 'completions' | 'embeddings'
  /** All input tokens, cached reads and cache writes included. */
  inputTokens: number
  /** Input tokens read from the prompt cache (part of `inputTokens`). Default 0. */
  cachedInputTokens?: number
  /** Input tokens written to the prompt cache (part of `inputTokens`). Default 0. */
  cacheWriteTokens?: number
  /** Default 0. */
  outputTokens?: number
  /** Model requests. Default 1. */
  requests?: number
  /** Billed USD for the input tokens (cached and cache-write ones included). */
  inputCostUsd: number
  /** Billed USD for the output tokens. Default 0. */
  outputCostUsd?: number
}

/** The report data `provider.setOrganizationUsage` seeds. */
export interface OrganizationUsageReport {
  rows: readonly OrganizationUsageRow[]
  /**
   * Anthropic's `data_refreshed_at` (RFC 3339): how far the report's data is complete. Default:
   * the time of the request.
   */
  refreshedAt?: string
}

/** What an admin report route needs: the query string and the seeded report. */
export interface AdminRouteContext {
  query: URLSearchParams
  report: OrganizationUsageReport
  /** The provider's error body for `status`. */
  errorBody: (status: number, message: string) => unknown
}

/** A `GET` admin report endpoint of the fake provider. */
export type AdminRoute = (context: AdminRouteContext) => RouteResult

/** Values of an array query parameter, sent as `name[]=a&name[]=b` (or `name=a&name=b`). */
export function queryList(query: URLSearchParams, name: string): string[] {
  return [...query.getAll(`${name}[]`), ...query.getAll(name)]
}

/** Rows matching the report's provider and, when given, the `models`, `project_ids`/`workspace_ids` and `api_key_ids` filters. */
export function filterRows(rows: readonly OrganizationUsageRow[], provider: OrganizationUsageRow['provider'], query: URLSearchParams, projectFilter: string): OrganizationUsageRow[] {
  const models = queryList(query, 'models')
  const projects = queryList(query, projectFilter)
  const keys = queryList(query, 'api_key_ids')
  return rows.filter(
    (row) =>
      row.provider === provider &&
      (models.length === 0 || models.includes(row.model)) &&
      (projects.length === 0 || projects.includes(row.projectId ?? '')) &&
      (keys.length === 0 || keys.includes(row.apiKeyId ?? '')),
  )
}

/** Start of the row's UTC day in milliseconds. */
export const dayStartOf = (row: OrganizationUsageRow): number => Date.parse(`${row.day}T00:00:00Z`)

/** `{ has_more, next_page }` of the page of `pageSize` items from `offset` out of `total`. */
export function pageCursor(offset: number, pageSize: number, total: number): { has_more: boolean; next_page: string | null } {
  const next = offset + pageSize
  return next < total ? { has_more: true, next_page: `page_${next}` } : { has_more: false, next_page: null }
}

/** The offset a `page` cursor from {@link pageCursor} names (0 without one), or `undefined` when it is not one. */
export function pageOffset(query: URLSearchParams): number | undefined {
  const page = query.get('page')
  if (page === null || page === '') return 0
  const match = /^page_(\d+)$/.exec(page)
  return match === null ? undefined : Number(match[1])
}
