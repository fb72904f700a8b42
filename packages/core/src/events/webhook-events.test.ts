import { diag, DiagLogLevel } from '@opentelemetry/api'
import { execFile } from 'node:child_process'
import { createRequire } from 'node:module'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import { withAttribution } from '../attribution/attribution-scope.js'
import { callPathOf } from '../engine/call-path-of.js'
import { createFinOps } from '../engine/create-finops.js'
import type { FinOpsEvent, LimitExceededEvent } from '../engine/finops-event.js'
import { webhookReceiver, type WebhookReceiver } from './test-webhook-receiver.js'
import { webhookEvents } from './webhook-events.js'

const receivers: WebhookReceiver[] = []
async function receiver(...args: Parameters<typeof webhookReceiver>): Promise<WebhookReceiver> {
  const started = await webhookReceiver(...args)
  receivers.push(started)
  return started
}

afterEach(async () => {
  diag.disable()
  await Promise.all(receivers.splice(0).map((started) => started.close()))
})

function captureDiag(): { warnings: string[]; errors: string[] } {
  const captured = { warnings: [] as string[], errors: [] as string[] }
  const ignore = () => {}
  diag.setLogger(
    { error: (message) => void captured.errors.push(message), warn: (message) => void captured.warnings.push(message), info: ignore, debug: ignore, verbose: ignore },
    { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true },
  )
  return captured
}

const at = new Date('2026-12-03T08:00:00.000Z')
const denial = (policy: string, atMs = at.getTime()): LimitExceededEvent => ({
  type: 'limit_exceeded',
  policy,
  key: '',
  at: new Date(atMs),
  reason: 'requests_per_minute',
  limit: 120,
  current: 120,
  retryAfterMs: 1_000,
})
const policiesOf = (hook: WebhookReceiver) => hook.requests.map((request) => (JSON.parse(request.body) as { policy: string }).policy)

/** A promise the test resolves itself. */
function gate(): { opened: Promise<void>; open(): void } {
  let open = () => {}
  const opened = new Promise<void>((resolve) => (open = resolve))
  return { opened, open }
}

describe('webhookEvents', () => {
  it('delivers the soft_limit event of a real engine as JSON with exactly the documented keys', async () => {
    const hook = await receiver()
    const webhook = webhookEvents({ url: hook.url, headers: { Authorization: 'Bearer hook-secret' } })
    const finops = createFinOps({
      currency: 'EUR',
      exchangeRates: { EUR: 0.86 },
      policies: [{ key: 'team-cap', match: { team: 'support' }, limits: { budget: { period: 'monthly', soft_limit_eur: 0.001, hard_limit_eur: 100 } } }],
      onEvent: webhook,
    })
    const handle = withAttribution({ team: 'support' }, () =>
      callPathOf(finops).begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, maxOutputTokens: 100, estimatedInputTokens: 1000 }),
    )
    ;(handle as { succeed(result: unknown): void }).succeed({ usage: { inputTokens: 1000, outputTokens: 100 } })
    await webhook.flush()

    expect(hook.requests).toHaveLength(1)
    const [request] = hook.requests
    expect(request?.method).toBe('POST')
    expect(request?.headers).toMatchObject({ 'content-type': 'application/json', authorization: 'Bearer hook-secret' })
    const payload = JSON.parse(request!.body) as Record<string, unknown>
    expect(Object.keys(payload).sort()).toEqual(['at', 'currency', 'key', 'period', 'policy', 'softLimit', 'spent', 'type'])
    expect(payload).toMatchObject({ type: 'soft_limit', policy: 'team-cap', key: '', softLimit: 0.001, currency: 'EUR' })
    expect(payload.spent).toBeGreaterThanOrEqual(0.001)
    expect(new Date(payload.at as string).toISOString()).toBe(payload.at)
  })

  it('returns before the request is even started', async () => {
    const hook = await receiver()
    let started = 0
    const webhook = webhookEvents({ url: hook.url, fetch: (...args) => (started++, fetch(...args)) })
    webhook(denial('a'))
    expect(started).toBe(0)
    await webhook.flush()
    expect(started).toBe(1)
    expect(hook.requests).toHaveLength(1)
  })

  it('sends a Slack message with a sentence about the event', async () => {
    const hook = await receiver()
    const webhook = webhookEvents({ url: hook.url, format: 'slack' })
    webhook({ type: 'soft_limit', policy: 'team-cap', key: '', at, spent: 4012.5, softLimit: 5000, currency: 'EUR', period: 'monthly' })
    await webhook.flush()
    const text = "Budget 'team-cap' reached its soft limit: 4,012.50 EUR of 5,000 EUR (monthly)."
    expect(JSON.parse(hook.requests[0]!.body)).toEqual({
      text,
      blocks: [
        { type: 'section', text: { type: 'mrkdwn', text } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: 'finops-ai · `soft_limit` · 2026-12-03T08:00:00.000Z' }] },
      ],
    })
  })

  it('sends the body a format function builds from the payload and the summary', async () => {
    const hook = await receiver()
    const webhook = webhookEvents({
      url: hook.url,
      format: (payload, summary) => ({ routing_key: 'r', event_action: 'trigger', payload: { summary, source: payload.policy, severity: 'warning' } }),
    })
    webhook({ type: 'circuit_closed', policy: 'agent', key: '', at })
    await webhook.flush()
    expect(JSON.parse(hook.requests[0]!.body)).toEqual({
      routing_key: 'r',
      event_action: 'trigger',
      payload: { summary: "Circuit breaker of 'agent' closed: calls go through again.", source: 'agent', severity: 'warning' },
    })
  })

  it('delivers once after two 500 answers', async () => {
    const logged = captureDiag()
    const hook = await receiver((index) => ({ status: index < 2 ? 500 : 200 }))
    const webhook = webhookEvents({ url: hook.url, retryDelayMs: 1 })
    webhook(denial('a'))
    await webhook.flush()
    expect(hook.requests.map((request) => request.body)).toEqual(Array(3).fill(hook.requests[0]!.body))
    expect(logged.warnings).toEqual([])
  })

  it("waits for a 429's Retry-After instead of its own backoff", async () => {
    const hook = await receiver((index) => (index === 0 ? { status: 429, headers: { 'retry-after': '0' } } : { status: 204 }))
    // A backoff of a minute would outlast the test: only Retry-After: 0 lets the retry come in time.
    const webhook = webhookEvents({ url: hook.url, retryDelayMs: 60_000 })
    webhook(denial('a'))
    await webhook.flush()
    expect(hook.requests).toHaveLength(2)
  })

  it('does not retry a 400 and warns once without the URL path', async () => {
    const logged = captureDiag()
    const hook = await receiver(() => ({ status: 400 }))
    const webhook = webhookEvents({ url: hook.url, retryDelayMs: 1 })
    webhook(denial('a'))
    await webhook.flush()
    expect(hook.requests).toHaveLength(1)
    expect(logged.warnings).toHaveLength(1)
    expect(logged.warnings[0]).toContain('did not take a limit_exceeded event after 1 attempt(s): answered 400')
    expect(logged.warnings[0]).not.toContain('/hooks/finops')
  })

  it('gives up on an unreachable URL after its retries without throwing', async () => {
    const logged = captureDiag()
    const closed = await webhookReceiver()
    await closed.close()
    const webhook = webhookEvents({ url: closed.url, retries: 2, retryDelayMs: 1 })
    expect(() => webhook(denial('a'))).not.toThrow()
    await webhook.flush()
    expect(logged.warnings).toHaveLength(1)
    expect(logged.warnings[0]).toContain('after 3 attempt(s)')
  })

  it('delivers one event per type and policy within the dedupe window', async () => {
    const hook = await receiver()
    const webhook = webhookEvents({ url: hook.url })
    webhook(denial('a'))
    webhook(denial('a', at.getTime() + 59_999))
    webhook(denial('b'))
    webhook({ type: 'soft_limit', policy: 'a', key: '', at, spent: 2, softLimit: 2, currency: 'USD', period: 'daily' })
    webhook(denial('a', at.getTime() + 60_000))
    await webhook.flush()
    expect(hook.requests.map((request) => JSON.parse(request.body) as { type: string; policy: string; at: string })).toEqual([
      expect.objectContaining({ type: 'limit_exceeded', policy: 'a', at: '2026-12-03T08:00:00.000Z' }),
      expect.objectContaining({ type: 'limit_exceeded', policy: 'b' }),
      expect.objectContaining({ type: 'soft_limit', policy: 'a' }),
      expect.objectContaining({ type: 'limit_exceeded', policy: 'a', at: '2026-12-03T08:01:00.000Z' }),
    ])
  })

  it('delivers every event with a dedupe window of 0', async () => {
    const hook = await receiver()
    const webhook = webhookEvents({ url: hook.url, dedupeWindowMs: 0 })
    webhook(denial('a'))
    webhook(denial('a'))
    await webhook.flush()
    expect(hook.requests).toHaveLength(2)
  })

  it('drops the oldest waiting deliveries beyond maxQueue, with one warning per burst', async () => {
    const logged = captureDiag()
    const firstAnswer = gate()
    const hook = await receiver(async (index) => {
      if (index === 0) await firstAnswer.opened
      return { status: 200 }
    })
    const webhook = webhookEvents({ url: hook.url, maxQueue: 2, dedupeWindowMs: 0 })
    webhook(denial('p1'))
    await hook.received(1)
    for (const policy of ['p2', 'p3', 'p4', 'p5']) webhook(denial(policy))
    firstAnswer.open()
    await webhook.flush()
    expect(policiesOf(hook)).toEqual(['p1', 'p4', 'p5'])
    expect(webhook.dropped).toBe(2)
    expect(logged.warnings).toHaveLength(1)
    expect(logged.warnings[0]).toContain('maxQueue')
  })

  it('delivers only the selected types, and nothing after close()', async () => {
    const hook = await receiver()
    const unknownPrice: FinOpsEvent = { type: 'unknown_price', policy: '', key: '', at, provider: 'openai', model: 'in-house' }
    const byDefault = webhookEvents({ url: hook.url })
    byDefault(unknownPrice)
    await byDefault.flush()
    expect(hook.requests).toHaveLength(0)

    const selected = webhookEvents({ url: hook.url, types: ['unknown_price'] })
    selected(denial('a'))
    selected(unknownPrice)
    await selected.close()
    selected({ ...unknownPrice, model: 'other' })
    await selected.flush()
    expect(hook.requests.map((request) => (JSON.parse(request.body) as { model: string }).model)).toEqual(['in-house'])
  })

  it('never throws into the caller when building the body fails', async () => {
    const logged = captureDiag()
    const hook = await receiver()
    const webhook = webhookEvents({
      url: hook.url,
      format: () => {
        throw new Error('bad format')
      },
    })
    expect(() => webhook(denial('a'))).not.toThrow()
    await webhook.flush()
    expect(hook.requests).toHaveLength(0)
    expect(logged.errors).toEqual(['finops-ai: a limit_exceeded event could not be queued for the webhook'])
  })

  describe('in a process of its own', () => {
    const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')
    const run = (script: string) =>
      promisify(execFile)(process.execPath, [tsxCli, '--input-type=module', '-e', `import { webhookEvents } from ${JSON.stringify(new URL('./webhook-events.ts', import.meta.url).pathname)}\n${script}`])
    const event = "{ type: 'circuit_closed', policy: 'p', key: '', at: new Date() }"

    it('lets the process exit while a delivery waits ten minutes to retry', async () => {
      const closed = await webhookReceiver()
      await closed.close()
      const { stdout } = await run(`webhookEvents({ url: '${closed.url}', retryDelayMs: 600_000 })(${event}); console.log('queued')`)
      expect(stdout).toBe('queued\n')
    })

    it('keeps the process alive while flush() is awaited', async () => {
      const hook = await receiver((index) => ({ status: index === 0 ? 503 : 200 }))
      const { stdout } = await run(`const webhook = webhookEvents({ url: '${hook.url}', retryDelayMs: 100 }); webhook(${event}); await webhook.flush(); console.log('flushed')`)
      expect(stdout).toBe('flushed\n')
      expect(hook.requests).toHaveLength(2)
    })
  })
})
