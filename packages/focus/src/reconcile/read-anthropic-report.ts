import type Anthropic from '@anthropic-ai/sdk'
import { parseDecimal } from '../focus/exact-decimal.js'
import { modelKey } from './model-key.js'
import { fetchReport, ProviderReportError } from './provider-report-error.js'
import { DEFAULT_REPORT_RETRIES, type ProviderReport, type ReadReportOptions, type UsageRow } from './provider-report.js'
import { adminKeyOf, importProviderSdk } from './provider-sdk.js'

const DAY_MS = 86_400_000
/** The reports span at most 31 days per request. */
const WINDOW_MS = 31 * DAY_MS
const GROUPS = ['workspace_id', 'api_key_id', 'model', 'service_tier'] as const

interface ReportGroup {
  model: string | null
  workspace_id: string | null
  api_key_id: string | null
  service_tier: string | null
}
interface ReportPage<T> {
  data: T[]
  data_refreshed_at: string | null
  hasNextPage(): boolean
  getNextPage(): Promise<ReportPage<T>>
}

/** Fractional cents as a decimal string (`'123.4567'`) → nano-USD, rounded half up; `undefined` when not a decimal. */
export function centsToNanos(cents: string): number | undefined {
  const decimal = parseDecimal(cents)
  if (decimal === undefined) return undefined
  const shift = 7 - decimal.scale
  if (shift >= 0) return Number(decimal.value * 10n ** BigInt(shift))
  const divisor = 10n ** BigInt(-shift)
  const sign = decimal.value < 0n ? -1n : 1n
  return Number((decimal.value * sign * 2n + divisor) / (2n * divisor)) * Number(sign)
}

const keysOf = (starting: string, group: ReportGroup) => ({
  day: starting.slice(0, 10),
  model: modelKey(group.model ?? '(no model)'),
  project: group.workspace_id,
  apiKey: group.api_key_id,
  serviceTier: group.service_tier,
})

/**
 * Reads Anthropic's organisation usage and cost reports (`beta.organization.analytics.usage` and
 * `.cost`, daily buckets by workspace, API key, model and service tier) through the official SDK,
 * in windows of at most 31 days, following `next_page`. Input tokens are uncached + cache reads +
 * cache writes; cost is the billed `amount` (after discounts, before credits).
 */
export async function readAnthropicReport(options: ReadReportOptions): Promise<ProviderReport> {
  const adminKey = adminKeyOf('anthropic', options)
  const { default: AnthropicSdk } = await importProviderSdk('anthropic', () => import('@anthropic-ai/sdk'))
  const client: Anthropic = new AnthropicSdk({ apiKey: adminKey, authToken: null, baseURL: options.baseURL, maxRetries: options.maxRetries ?? DEFAULT_REPORT_RETRIES })
  const analytics = client.beta.organization.analytics
  const now = options.now ?? new Date()
  let completeThrough = now
  const rows: UsageRow[] = []

  async function each<T>(report: string, first: () => Promise<ReportPage<T>>, add: (item: T) => void) {
    let page = await fetchReport('anthropic', report, adminKey, first)
    for (;;) {
      const refreshed = page.data_refreshed_at === null ? Number.NaN : Date.parse(page.data_refreshed_at)
      if (refreshed < completeThrough.getTime()) completeThrough = new Date(refreshed)
      for (const item of page.data) add(item)
      if (!page.hasNextPage()) return
      const current = page
      page = await fetchReport('anthropic', report, adminKey, () => current.getNextPage())
    }
  }

  for (let start = options.from.getTime(); start < options.to.getTime(); start += WINDOW_MS) {
    const window = {
      starting_at: new Date(start).toISOString(),
      ending_at: new Date(Math.min(start + WINDOW_MS, options.to.getTime())).toISOString(),
      time_bucket_width: '1d' as const,
      group_by: [...GROUPS],
      limit: 1000,
    }
    await each('analytics/usage', () => analytics.usage.list(window), (item) => {
      const usage = item.usage
      const cacheWrites = usage.cache_creation.ephemeral_5m_input_tokens + usage.cache_creation.ephemeral_1h_input_tokens
      rows.push({
        ...keysOf(item.starting_at, item.group),
        requests: usage.requests ?? 0,
        inputTokens: usage.uncached_input_tokens + usage.cache_read_input_tokens + cacheWrites,
        outputTokens: usage.output_tokens,
        costNanos: 0,
      })
    })
    await each('analytics/cost', () => analytics.cost.list(window), (item) => {
      const costNanos = centsToNanos(item.cost.amount)
      if (costNanos === undefined) {
        throw new ProviderReportError({ provider: 'anthropic', report: 'analytics/cost', status: 200, message: `the cost amount '${item.cost.amount}' is not a decimal number` })
      }
      rows.push({ ...keysOf(item.starting_at, item.group), requests: 0, inputTokens: 0, outputTokens: 0, costNanos })
    })
  }
  return { provider: 'anthropic', rows, completeThrough }
}
