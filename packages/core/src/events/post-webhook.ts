import { retryAfterMs } from './retry-after.js'
import type { WebhookSettings } from './webhook-options.js'

/** Longest exponential backoff between two attempts. */
const maxBackoffMs = 30_000
/** Longest `Retry-After` honoured: a longer one waits this long, so one event never holds the queue for hours. */
const maxRetryAfterMs = 60_000

/** How a delivery ended. */
export type PostOutcome = { delivered: true } | { delivered: false; attempts: number; failure: string }

/** Statuses worth another attempt: throttling and server errors. Other 4xx mean the request itself is wrong. */
function retryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500
}

function backoffMs(attempt: number, baseMs: number): number {
  return Math.min(maxBackoffMs, baseMs * 2 ** attempt) * (0.5 + Math.random() / 2)
}

/** A wait that does not keep the process alive. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref())
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  if (error.name === 'TimeoutError') return 'timed out'
  const cause = error.cause instanceof Error ? ` (${error.cause.message})` : ''
  return `${error.message}${cause}`
}

/**
 * POSTs `body` to the webhook: each attempt bounded by `timeoutMs`, retried `retries` times after a
 * network error, a timeout, 408, 429 or 5xx with jittered exponential backoff, or the `Retry-After`
 * of a 429/503. Never rejects.
 */
export async function postWebhook(body: string, settings: WebhookSettings): Promise<PostOutcome> {
  for (let attempt = 0; ; attempt++) {
    let failure: string
    let wantedWait: number | undefined
    try {
      const response = await settings.fetch(settings.url, {
        method: 'POST',
        headers: settings.headers,
        body,
        signal: AbortSignal.timeout(settings.timeoutMs),
      })
      // Read the body so the connection can be reused; its content does not matter.
      await response.arrayBuffer().catch(() => undefined)
      if (response.ok) return { delivered: true }
      failure = `answered ${response.status}`
      if (!retryable(response.status)) return { delivered: false, attempts: attempt + 1, failure }
      if (response.status === 429 || response.status === 503) wantedWait = retryAfterMs(response.headers.get('retry-after'), Date.now())
    } catch (error) {
      failure = describe(error)
    }
    if (attempt >= settings.retries) return { delivered: false, attempts: attempt + 1, failure }
    await wait(wantedWait === undefined ? backoffMs(attempt, settings.retryDelayMs) : Math.min(wantedWait, maxRetryAfterMs))
  }
}
