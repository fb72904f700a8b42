import type { CachedResponse } from './response-cache-store.js'

/** Where a {@link ResponseCapture} writes: the engine's response cache. */
export interface CapturedResponseWriter {
  /** Stores `response` under `key`; never throws. */
  write(key: string, response: CachedResponse): void
  /** Keeps `promise` pending in `finops.flush()`. */
  track(promise: Promise<unknown>): void
  /** Current time in epoch milliseconds. */
  clock(): number
}

/**
 * The copy of one opted-in call's response that the response cache keeps when the call missed.
 * It is stored only when all of these hold: the response was successful (2xx) with a JSON or
 * server-sent-event body, its body was read to its end (a stream aborted, broken off or cut by the
 * network is not), and the call succeeded. The body is read from `response.clone()`, taken before
 * the SDK reads the original: what the caller gets is untouched and nothing is fetched twice.
 */
export class ResponseCapture {
  private body: CachedResponse | undefined
  private succeeded: boolean | undefined

  constructor(
    private readonly writer: CapturedResponseWriter,
    private readonly key: string,
  ) {}

  /**
   * Watches the response of the sent request. Call it as soon as the request is sent, before the
   * caller can read the response: the copy is taken when the response arrives.
   */
  watch(responsePromise: Promise<{ response: Response }>): void {
    responsePromise.then((props) => this.copy(props.response), ignore)
  }

  /** The call ended (`ok`: it succeeded); stores the copy if it is complete. */
  settle(ok: boolean): void {
    if (this.succeeded !== undefined) return
    this.succeeded = ok
    this.store()
  }

  private copy(response: Response): void {
    const contentType = response.headers.get('content-type') ?? ''
    if (!response.ok || !cacheableContent(contentType) || this.succeeded === false) return
    const status = response.status
    const writer = this.writer
    writer.track(
      response
        .clone()
        .text()
        .then((body) => {
          this.body = { status, headers: { 'content-type': contentType }, body, storedAt: new Date(writer.clock()).toISOString() }
          this.store()
        }, ignore),
    )
  }

  private store(): void {
    if (this.body === undefined || this.succeeded !== true) return
    const body = this.body
    this.body = undefined
    this.writer.write(this.key, body)
  }
}

/** JSON and server-sent events replay through the SDK's parsing; binary bodies (speech audio) are not kept. */
function cacheableContent(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return type === 'application/json' || type.endsWith('+json') || type === 'text/event-stream'
}

function ignore(): void {}
