import { describe, expect, it } from 'vitest'
import { fetchReport, ProviderReportError, redact } from './provider-report-error.js'

describe('fetchReport', () => {
  it('passes results through', async () => {
    expect(await fetchReport('openai', 'costs', 'secret', async () => 42)).toBe(42)
  })

  it('turns an SDK error into a ProviderReportError with the status, the secret removed', async () => {
    const failure = Object.assign(new Error('401 bad key secret-123'), { status: 401 })
    const error = await fetchReport('anthropic', 'analytics/cost', 'secret-123', () => Promise.reject(failure)).catch((caught: unknown) => caught)
    expect(ProviderReportError.isInstance(error)).toBe(true)
    expect(error).toMatchObject({ provider: 'anthropic', report: 'analytics/cost', status: 401, message: 'cannot fetch the anthropic analytics/cost report: HTTP 401: 401 bad key [redacted]' })
  })

  it('says when no response arrived', async () => {
    const error = await fetchReport('openai', 'costs', 'k', () => Promise.reject(new Error('Connection error.'))).catch((caught: unknown) => caught)
    expect(error).toMatchObject({ status: undefined, message: 'cannot fetch the openai costs report: no response: Connection error.' })
  })
})

describe('redact', () => {
  it('replaces every occurrence and leaves text alone for an empty secret', () => {
    expect(redact('a-key and a-key', 'a-key')).toBe('[redacted] and [redacted]')
    expect(redact('text', '')).toBe('text')
  })
})
