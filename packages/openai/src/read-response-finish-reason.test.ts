import { describe, expect, it } from 'vitest'
import { readResponseFinishReason } from './read-response-finish-reason.js'

describe('readResponseFinishReason', () => {
  it('maps a completed response to stop, or to tool_call when it calls a function', () => {
    expect(readResponseFinishReason({ status: 'completed', output: [{ type: 'message' }] })).toBe('stop')
    expect(readResponseFinishReason({ status: 'completed', output: [{ type: 'reasoning' }, { type: 'function_call' }] })).toBe('tool_call')
  })

  it('maps an incomplete response by its reason, keeping an unknown reason', () => {
    expect(readResponseFinishReason({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } })).toBe('length')
    expect(readResponseFinishReason({ status: 'incomplete', incomplete_details: { reason: 'content_filter' } })).toBe('content_filter')
    expect(readResponseFinishReason({ status: 'incomplete', incomplete_details: { reason: 'new_reason' } })).toBe('new_reason')
    expect(readResponseFinishReason({ status: 'incomplete' })).toBeUndefined()
  })

  it('maps a failed response to error and has none for other statuses', () => {
    expect(readResponseFinishReason({ status: 'failed' })).toBe('error')
    expect(readResponseFinishReason({ status: 'in_progress' })).toBeUndefined()
    expect(readResponseFinishReason({})).toBeUndefined()
  })
})
