import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { DEFAULT_WEBHOOK_EVENT_TYPES, resolveWebhookOptions, type WebhookEventsOptions } from './webhook-options.js'

function issuesOf(options: unknown): Array<{ path: string; detail: string }> {
  try {
    resolveWebhookOptions(options as WebhookEventsOptions)
  } catch (error) {
    if (ConfigError.isInstance(error)) return [...error.issues]
    throw error
  }
  throw new Error('expected a ConfigError')
}

describe('resolveWebhookOptions', () => {
  it('applies the documented defaults', () => {
    const settings = resolveWebhookOptions({ url: 'https://hooks.slack.com/services/T/B/x' })
    expect(settings).toMatchObject({ format: 'json', timeoutMs: 5_000, retries: 3, retryDelayMs: 500, dedupeWindowMs: 60_000, maxQueue: 1_000, fetch: globalThis.fetch })
    expect([...settings.types]).toEqual(DEFAULT_WEBHOOK_EVENT_TYPES)
    expect(settings.headers).toEqual({ 'content-type': 'application/json', 'user-agent': 'finops-ai' })
  })

  it('lets given headers override the defaults, whatever their case', () => {
    expect(resolveWebhookOptions({ url: 'http://localhost/', headers: { 'Content-Type': 'application/vnd+json', Authorization: 'Bearer t' } }).headers).toEqual({
      'content-type': 'application/vnd+json',
      'user-agent': 'finops-ai',
      authorization: 'Bearer t',
    })
  })

  it.each<[string, unknown, string, RegExp]>([
    ['a missing url', {}, 'webhookEvents.url', /absolute http: or https: URL/],
    ['a non-http url', { url: 'ftp://example.com/' }, 'webhookEvents.url', /got ftp:/],
    ['a url with credentials', { url: 'https://user:secret@example.com/' }, 'webhookEvents.url', /in headers/],
    ['a misspelled event type', { url: 'http://h/', types: ['soft_limit', 'softlimit'] }, 'webhookEvents.types[1]', /did you mean 'soft_limit'/],
    ['types that are not an array', { url: 'http://h/', types: 'soft_limit' }, 'webhookEvents.types', /array/],
    ['an unknown format', { url: 'http://h/', format: 'teams' }, 'webhookEvents.format', /'json', 'slack' or a function/],
    ['a header that is not a string', { url: 'http://h/', headers: { 'X-Key': 7 } }, 'webhookEvents.headers.X-Key', /expected a string/],
    ['a zero timeout', { url: 'http://h/', timeoutMs: 0 }, 'webhookEvents.timeoutMs', /integer ≥ 1/],
    ['negative retries', { url: 'http://h/', retries: -1 }, 'webhookEvents.retries', /integer ≥ 0/],
    ['a fractional retry delay', { url: 'http://h/', retryDelayMs: 0.5 }, 'webhookEvents.retryDelayMs', /integer ≥ 0/],
    ['a negative dedupe window', { url: 'http://h/', dedupeWindowMs: -1 }, 'webhookEvents.dedupeWindowMs', /integer ≥ 0/],
    ['an empty queue', { url: 'http://h/', maxQueue: 0 }, 'webhookEvents.maxQueue', /integer ≥ 1/],
    ['a fetch that is not a function', { url: 'http://h/', fetch: 'undici' }, 'webhookEvents.fetch', /fetch function/],
    ['a misspelled option', { url: 'http://h/', timeout: 2 }, 'webhookEvents.timeout', /did you mean 'timeoutMs'/],
  ])('rejects %s naming its path', (_, options, path, detail) => {
    const issues = issuesOf(options)
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe(path)
    expect(issues[0]?.detail).toMatch(detail)
  })

  it('reports every problem at once', () => {
    expect(issuesOf({ url: 'nope', retries: 'many', maxQueue: -3 }).map((issue) => issue.path)).toEqual([
      'webhookEvents.url',
      'webhookEvents.retries',
      'webhookEvents.maxQueue',
    ])
  })
})
