import { describe, expect, it } from 'vitest'
import type { FinOpsEvent } from '../engine/finops-event.js'
import { eventPayload } from './event-payload.js'

const at = new Date('2026-12-03T08:00:00.000Z')
const base = { policy: 'support-rag/user=ann', key: 'ann', at }
const common = ['at', 'key', 'policy', 'type']

describe('eventPayload', () => {
  it.each<[FinOpsEvent, string[]]>([
    [{ ...base, type: 'soft_limit', spent: 5000.1, softLimit: 5000, currency: 'EUR', period: 'monthly' }, ['currency', 'period', 'softLimit', 'spent']],
    [{ ...base, type: 'circuit_open', velocity: 21, limit: 20, currency: 'EUR', until: at }, ['currency', 'limit', 'until', 'velocity']],
    [{ ...base, type: 'circuit_closed' }, []],
    [{ ...base, type: 'limit_exceeded', reason: 'budget', limit: 6000, current: 6000.5, retryAfterMs: 10 }, ['current', 'limit', 'reason', 'retryAfterMs']],
    [{ ...base, type: 'unknown_price', provider: 'openai', model: 'm' }, ['model', 'provider']],
    [{ ...base, type: 'approximate_price', provider: 'anthropic', model: 'm', pricedAs: 'anthropic/n' }, ['model', 'pricedAs', 'provider']],
    [{ ...base, type: 'store_degraded', error: new Error('down') }, ['error']],
    [{ ...base, type: 'attribution_missing', missing: ['team'] }, ['missing']],
    [{ ...base, type: 'wrap_ignored' }, []],
  ])('sends exactly the documented keys of %s', (event, fields) => {
    expect(Object.keys(eventPayload(event)).sort()).toEqual([...common, ...fields].sort())
  })

  it('writes dates as ISO strings and leaves absent fields out', () => {
    expect(eventPayload({ ...base, type: 'limit_exceeded', reason: 'concurrency', limit: 16, current: 16 })).toEqual({
      type: 'limit_exceeded',
      policy: 'support-rag/user=ann',
      key: 'ann',
      at: '2026-12-03T08:00:00.000Z',
      reason: 'concurrency',
      limit: 16,
      current: 16,
    })
    expect(eventPayload({ ...base, type: 'circuit_open', velocity: 21, limit: 20, currency: 'EUR', until: new Date(at.getTime() + 300_000) }).until).toBe(
      '2026-12-03T08:05:00.000Z',
    )
  })

  it('reduces an error to its name and message, dropping its stack and cause', () => {
    const error = new TypeError('connect ECONNREFUSED', { cause: new Error('socket') })
    expect(eventPayload({ ...base, type: 'store_degraded', error }).error).toEqual({ name: 'TypeError', message: 'connect ECONNREFUSED' })
    expect(eventPayload({ ...base, type: 'store_degraded', error: 'timeout' }).error).toEqual({ name: 'Error', message: 'timeout' })
  })

  it('sends nothing an event carries beyond its documented fields', () => {
    const event = { ...base, type: 'soft_limit', spent: 1, softLimit: 1, currency: 'USD', period: 'daily', prompt: 'secret prompt' } as FinOpsEvent
    expect(JSON.stringify(eventPayload(event))).not.toContain('secret prompt')
  })
})
