import { diag } from '@opentelemetry/api'
import type { FinOpsEvent } from '../engine/finops-event.js'
import { DedupeWindow } from './dedupe-window.js'
import { eventPayload } from './event-payload.js'
import { eventSummary } from './event-summary.js'
import { postWebhook } from './post-webhook.js'
import { slackMessage } from './slack-message.js'
import { resolveWebhookOptions, type WebhookEventsOptions, type WebhookSettings } from './webhook-options.js'

/** An `onEvent` handler that delivers events to a webhook in the background. */
export interface WebhookEventHandler {
  /** Queues `event` for delivery when its type is selected and it is not a duplicate; returns at once, never throws. */
  (event: FinOpsEvent): void
  /** Resolves when every delivery queued so far was delivered or given up (for shutdown and tests). Never rejects. */
  flush(): Promise<void>
  /** Stops accepting events, then resolves like {@link WebhookEventHandler.flush}. */
  close(): Promise<void>
  /** How many queued deliveries were dropped because `maxQueue` were already waiting. */
  readonly dropped: number
}

/** One waiting delivery. */
interface Delivery {
  type: FinOpsEvent['type']
  body: string
}

function requestBody(event: FinOpsEvent, format: WebhookSettings['format']): string {
  if (format === 'json') return JSON.stringify(eventPayload(event))
  if (format === 'slack') return JSON.stringify(slackMessage(event, eventSummary(event)))
  return JSON.stringify(format(eventPayload(event), eventSummary(event)))
}

/**
 * An `onEvent` handler that POSTs engine events to a webhook (Slack, Teams, PagerDuty, your own
 * endpoint): `createFinOps({ onEvent: webhookEvents({ url }) })`, or next to a handler of your own
 * with `onEvent: (event) => { webhook(event); mine(event) }`.
 *
 * Events are sent one at a time, in order, in the background; the handler returns at once and never
 * throws. A delivery is retried on network errors, timeouts, 429 and 5xx, then given up with one
 * OTel `diag.warn`. Timers are `unref`'d: call `flush()` (or `close()`) before exiting to wait for
 * deliveries. Events carry no prompt or response content, and only their documented fields are sent.
 *
 * @throws {ConfigError} when an option is invalid, naming it (`webhookEvents.url`).
 */
export function webhookEvents(options: WebhookEventsOptions): WebhookEventHandler {
  const settings = resolveWebhookOptions(options)
  const destination = settings.url.origin
  const dedupe = new DedupeWindow(settings.dedupeWindowMs)
  const waiting: Delivery[] = []
  let sending: Promise<void> | undefined
  let closed = false
  let dropped = 0
  let droppingSinceEmpty = false

  async function send(): Promise<void> {
    try {
      for (let delivery = waiting.shift(); delivery !== undefined; delivery = waiting.shift()) {
        const outcome = await postWebhook(delivery.body, settings)
        if (!outcome.delivered) {
          diag.warn(`finops-ai: webhook ${destination} did not take a ${delivery.type} event after ${outcome.attempts} attempt(s): ${outcome.failure}`)
        }
      }
    } finally {
      sending = undefined
      droppingSinceEmpty = false
    }
  }

  function enqueue(delivery: Delivery): void {
    if (waiting.length >= settings.maxQueue) {
      waiting.shift()
      dropped += 1
      if (!droppingSinceEmpty) {
        droppingSinceEmpty = true
        diag.warn(`finops-ai: webhook ${destination} is behind by ${settings.maxQueue} events (maxQueue); dropping the oldest until it catches up`)
      }
    }
    waiting.push(delivery)
    // Started on a microtask, so even a custom fetch never runs inside the caller's onEvent.
    sending ??= Promise.resolve().then(send)
  }

  const handler = (event: FinOpsEvent): void => {
    try {
      if (closed || !settings.types.has(event.type) || !dedupe.admit(event)) return
      enqueue({ type: event.type, body: requestBody(event, settings.format) })
    } catch (error) {
      diag.error(`finops-ai: a ${String(event?.type)} event could not be queued for the webhook`, error)
    }
  }

  async function flush(): Promise<void> {
    if (sending === undefined) return
    // Deliveries only wait on unref'd timers: hold the process open while someone awaits them.
    const keepAlive = setInterval(() => {}, 1 << 30)
    try {
      while (sending !== undefined) await sending
    } finally {
      clearInterval(keepAlive)
    }
  }

  return Object.defineProperties(handler, {
    flush: { value: flush },
    close: {
      value: (): Promise<void> => {
        closed = true
        return flush()
      },
    },
    dropped: { get: () => dropped },
  }) as WebhookEventHandler
}
