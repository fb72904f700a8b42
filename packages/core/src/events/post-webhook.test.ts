import { afterEach, describe, expect, it } from 'vitest'
import { postWebhook } from './post-webhook.js'
import { webhookReceiver, type Answer, type WebhookReceiver } from './test-webhook-receiver.js'
import { resolveWebhookOptions, type WebhookEventsOptions } from './webhook-options.js'

let hook: WebhookReceiver | undefined
afterEach(async () => {
  await hook?.close()
  hook = undefined
})

async function post(answer: Answer, options: Partial<WebhookEventsOptions> = {}) {
  hook = await webhookReceiver(answer)
  return postWebhook('{"type":"circuit_closed"}', resolveWebhookOptions({ url: hook.url, retryDelayMs: 1, ...options }))
}

describe('postWebhook', () => {
  it('retries 408 and 503 and reports the delivery', async () => {
    expect(await post((index) => ({ status: [408, 503, 201][index] ?? 500 }))).toEqual({ delivered: true })
    expect(hook?.requests.map((request) => request.body)).toEqual(Array(3).fill('{"type":"circuit_closed"}'))
  })

  it('gives up after its retries with the last failure', async () => {
    expect(await post(() => ({ status: 502 }), { retries: 1 })).toEqual({ delivered: false, attempts: 2, failure: 'answered 502' })
  })

  it('does not retry a 404', async () => {
    expect(await post(() => ({ status: 404 }))).toEqual({ delivered: false, attempts: 1, failure: 'answered 404' })
  })

  it('ends an attempt the endpoint never answers after timeoutMs', async () => {
    const never = new Promise<never>(() => {})
    expect(await post(() => never, { timeoutMs: 20, retries: 0 })).toEqual({ delivered: false, attempts: 1, failure: 'timed out' })
  })
})
