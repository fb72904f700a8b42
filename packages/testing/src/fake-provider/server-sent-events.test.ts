import { describe, expect, it } from 'vitest'
import { encodeServerSentEvent } from './server-sent-events.js'

describe('encodeServerSentEvent', () => {
  it('writes a data line with JSON and a blank line', () => {
    expect(encodeServerSentEvent({ data: { a: 1 } })).toBe('data: {"a":1}\n\n')
  })

  it('writes the event name first and [DONE] verbatim', () => {
    expect(encodeServerSentEvent({ event: 'ping', data: { type: 'ping' } })).toBe('event: ping\ndata: {"type":"ping"}\n\n')
    expect(encodeServerSentEvent({ data: '[DONE]' })).toBe('data: [DONE]\n\n')
  })
})
