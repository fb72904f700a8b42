import { describe, expect, it } from 'vitest'
import { parseBaseURL, serverOfURL } from './provider-endpoint.js'

describe('provider endpoint', () => {
  it('parses string base URLs only', () => {
    expect(parseBaseURL('https://api.anthropic.com')?.hostname).toBe('api.anthropic.com')
    expect(parseBaseURL('not a url')).toBeUndefined()
    expect(parseBaseURL(undefined)).toBeUndefined()
  })

  it('reads the address and the port, defaulting the port from the scheme', () => {
    expect(serverOfURL(new URL('https://api.anthropic.com'))).toEqual({ address: 'api.anthropic.com', port: 443 })
    expect(serverOfURL(new URL('http://example.com/v1'))).toEqual({ address: 'example.com', port: 80 })
    expect(serverOfURL(new URL('http://127.0.0.1:4010/v1'))).toEqual({ address: '127.0.0.1', port: 4010 })
    expect(serverOfURL(new URL('ws://example.com'))).toEqual({ address: 'example.com' })
  })

  it('drops the brackets of an IPv6 literal', () => {
    expect(serverOfURL(new URL('http://[::1]:8080'))).toEqual({ address: '::1', port: 8080 })
  })
})
