import { FinOpsError } from '@finops-ai/core'
import type { ReconcileProvider } from './provider-report.js'

const marker = Symbol.for('@finops-ai/focus/ProviderReportError')

/**
 * A provider report could not be fetched (after the SDK's retries): reconciling never goes on with
 * a missing report counted as zero. The message names the report and the HTTP status; the admin
 * key never appears in it.
 */
export class ProviderReportError extends FinOpsError {
  /** @internal */
  readonly [marker] = true
  readonly provider: ReconcileProvider
  /** The report, e.g. `usage/completions` or `analytics/cost`. */
  readonly report: string
  /** The HTTP status of the last attempt; `undefined` when no response arrived (connection error, timeout). */
  readonly status: number | undefined

  constructor(options: { provider: ReconcileProvider; report: string; status: number | undefined; message: string }) {
    const status = options.status === undefined ? 'no response' : `HTTP ${options.status}`
    super(`cannot fetch the ${options.provider} ${options.report} report: ${status}: ${options.message}`)
    this.provider = options.provider
    this.report = options.report
    this.status = options.status
  }

  /** True for a {@link ProviderReportError} from any copy of this package. */
  static override isInstance(value: unknown): value is ProviderReportError {
    return FinOpsError.isInstance(value) && (value as unknown as Record<symbol, unknown>)[marker] === true
  }
}

/** `text` with every occurrence of `secret` replaced by `[redacted]`. */
export function redact(text: string, secret: string): string {
  return secret === '' ? text : text.split(secret).join('[redacted]')
}

/**
 * Runs one report request; an SDK error becomes a {@link ProviderReportError} with its HTTP status
 * and a message from which `secret` is removed.
 */
export async function fetchReport<T>(provider: ReconcileProvider, report: string, secret: string, request: () => Promise<T>): Promise<T> {
  try {
    return await request()
  } catch (error) {
    const status = (error as { status?: unknown }).status
    const message = error instanceof Error ? error.message : String(error)
    throw new ProviderReportError({ provider, report, status: typeof status === 'number' ? status : undefined, message: redact(message, secret) })
  }
}
