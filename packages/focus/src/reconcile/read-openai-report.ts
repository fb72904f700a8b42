import type OpenAI from 'openai'
import { modelKey } from './model-key.js'
import { fetchReport } from './provider-report-error.js'
import { DEFAULT_REPORT_RETRIES, type ProviderReport, type ReadReportOptions, type UsageRow } from './provider-report.js'
import { adminKeyOf, importProviderSdk } from './provider-sdk.js'

const NANOS_PER_USD = 1_000_000_000
const USAGE_GROUPS = ['project_id', 'api_key_id', 'model'] as const
const COST_GROUPS = ['project_id', 'api_key_id', 'line_item'] as const

interface Bucket<R> {
  start_time: number
  results: R[]
}
interface BucketPage<R> {
  data: Bucket<R>[]
  has_more: boolean
  next_page: string | null
}

const dayOf = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString().slice(0, 10)
const zero = { requests: 0, inputTokens: 0, outputTokens: 0, costNanos: 0 }

/** Every bucket of a bucketed admin report, following `next_page`. */
async function allBuckets<R>(report: string, secret: string, fetchPage: (page: string | undefined) => Promise<BucketPage<R>>): Promise<Bucket<R>[]> {
  const buckets: Bucket<R>[] = []
  let page: string | undefined
  do {
    const response = await fetchReport('openai', report, secret, () => fetchPage(page))
    buckets.push(...response.data)
    page = response.has_more && response.next_page ? response.next_page : undefined
  } while (page !== undefined)
  return buckets
}

/**
 * Reads OpenAI's organisation usage (`usage.completions`, `usage.embeddings`: tokens and requests
 * by project, API key and model) and costs (`costs`: billed USD by project, API key and line item,
 * whose model is the text before the first `", "`) in daily buckets through the official SDK.
 * OpenAI's cost report has no service-tier break-out, so rows carry `serviceTier: null`.
 */
export async function readOpenAiReport(options: ReadReportOptions): Promise<ProviderReport> {
  const adminKey = adminKeyOf('openai', options)
  const { default: OpenAISdk } = await importProviderSdk('openai', () => import('openai'))
  const client: OpenAI = new OpenAISdk({ adminAPIKey: adminKey, baseURL: options.baseURL, maxRetries: options.maxRetries ?? DEFAULT_REPORT_RETRIES })
  const usage = client.admin.organization.usage
  const range = { start_time: options.from.getTime() / 1000, end_time: options.to.getTime() / 1000, bucket_width: '1d' as const }
  const rows: UsageRow[] = []
  const keys = (result: { project_id?: string | null; api_key_id?: string | null }) => ({ project: result.project_id ?? null, apiKey: result.api_key_id ?? null, serviceTier: null })

  for (const kind of ['completions', 'embeddings'] as const) {
    const buckets = await allBuckets(`usage/${kind}`, adminKey, (page) => usage[kind]({ ...range, group_by: [...USAGE_GROUPS], limit: 31, page }))
    for (const bucket of buckets) {
      for (const result of bucket.results) {
        if (result.object !== 'organization.usage.completions.result' && result.object !== 'organization.usage.embeddings.result') continue
        rows.push({
          ...zero,
          day: dayOf(bucket.start_time),
          model: modelKey(result.model ?? '(no model)'),
          ...keys(result),
          requests: result.num_model_requests,
          inputTokens: result.input_tokens,
          outputTokens: 'output_tokens' in result ? result.output_tokens : 0,
        })
      }
    }
  }
  const costs = await allBuckets('costs', adminKey, (page) => usage.costs({ ...range, group_by: [...COST_GROUPS], limit: 180, page }))
  for (const bucket of costs) {
    for (const result of bucket.results) {
      if (result.object !== 'organization.costs.result') continue
      const lineItem = result.line_item ?? '(no line item)'
      rows.push({ ...zero, day: dayOf(bucket.start_time), model: modelKey(lineItem.split(', ')[0]!), ...keys(result), costNanos: Math.round((result.amount?.value ?? 0) * NANOS_PER_USD) })
    }
  }
  return { provider: 'openai', rows, completeThrough: options.now ?? new Date() }
}
