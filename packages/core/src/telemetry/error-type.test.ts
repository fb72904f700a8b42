import { describe, expect, it } from 'vitest'
import { errorType } from './error-type.js'

describe('errorType', () => {
  it('uses the HTTP status code of provider API errors', () => {
    class APIError extends Error {
      constructor(readonly status: number | undefined) {
        super('api')
      }
    }
    expect(errorType(new APIError(429))).toBe('429')
    expect(errorType(new APIError(503))).toBe('503')
    expect(errorType(new APIError(undefined))).toBe('APIError')
  })

  it('uses a specific error name, else the class name', () => {
    expect(errorType(new DOMException('aborted', 'AbortError'))).toBe('AbortError')
    expect(errorType(new TypeError('fetch failed'))).toBe('TypeError')
    class APIConnectionTimeoutError extends Error {}
    expect(errorType(new APIConnectionTimeoutError('timeout'))).toBe('APIConnectionTimeoutError')
  })

  it('falls back to _OTHER', () => {
    expect(errorType('boom')).toBe('_OTHER')
    expect(errorType(undefined)).toBe('_OTHER')
    expect(errorType({ status: 'bad' })).toBe('_OTHER')
    expect(errorType(Object.create(null))).toBe('_OTHER')
  })
})
