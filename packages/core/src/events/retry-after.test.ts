import { describe, expect, it } from 'vitest'
import { retryAfterMs } from './retry-after.js'

const now = Date.parse('2026-12-03T08:00:00.000Z')

describe('retryAfterMs', () => {
  it('reads delay-seconds', () => {
    expect(retryAfterMs('120', now)).toBe(120_000)
    expect(retryAfterMs('0', now)).toBe(0)
  })

  it('reads an HTTP date relative to now, never negative', () => {
    expect(retryAfterMs('Thu, 03 Dec 2026 08:00:30 GMT', now)).toBe(30_000)
    expect(retryAfterMs('Thu, 03 Dec 2026 07:00:00 GMT', now)).toBe(0)
  })

  it('ignores an absent, negative or unreadable header', () => {
    expect(retryAfterMs(null, now)).toBeUndefined()
    expect(retryAfterMs('', now)).toBeUndefined()
    expect(retryAfterMs('-5', now)).toBeUndefined()
    expect(retryAfterMs('soon', now)).toBeUndefined()
  })
})
