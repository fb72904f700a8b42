import { describe, expect, it } from 'vitest'
import type { NormalizedUsage } from '@finops-ai/core'
import { countHostedToolCalls } from './count-hosted-tool-calls.js'

function counted(response: Record<string, unknown>): NormalizedUsage {
  const usage: NormalizedUsage = { inputTokens: 1, outputTokens: 1 }
  countHostedToolCalls(usage, response)
  return usage
}

describe('countHostedToolCalls', () => {
  it('counts web searches, file searches and code-interpreter containers', () => {
    const output = [
      { type: 'web_search_call', id: 'ws_1', status: 'completed' },
      { type: 'web_search_call', id: 'ws_2', status: 'completed' },
      { type: 'file_search_call', id: 'fs_1', status: 'completed' },
      { type: 'code_interpreter_call', id: 'ci_1', container_id: 'cntr_a' },
      { type: 'code_interpreter_call', id: 'ci_2', container_id: 'cntr_a' },
      { type: 'code_interpreter_call', id: 'ci_3', container_id: 'cntr_b' },
      { type: 'message', id: 'msg_1' },
    ]
    expect(counted({ output, tools: [{ type: 'code_interpreter', container: { type: 'auto' } }] })).toEqual({
      inputTokens: 1,
      outputTokens: 1,
      webSearchRequests: 2,
      fileSearchCalls: 1,
      codeInterpreterSessions: 2,
    })
  })

  it('does not count a container the request named', () => {
    const output = [{ type: 'code_interpreter_call', id: 'ci_1', container_id: 'cntr_mine' }]
    expect(counted({ output, tools: [{ type: 'code_interpreter', container: 'cntr_mine' }] })).toEqual({ inputTokens: 1, outputTokens: 1 })
  })

  it('adds to counts already read', () => {
    const usage: NormalizedUsage = { inputTokens: 1, outputTokens: 1, webSearchRequests: 1 }
    countHostedToolCalls(usage, { output: [{ type: 'web_search_call' }] })
    expect(usage.webSearchRequests).toBe(2)
  })

  it('leaves usage alone without hosted tool calls', () => {
    expect(counted({ output: [{ type: 'message' }] })).toEqual({ inputTokens: 1, outputTokens: 1 })
    expect(counted({})).toEqual({ inputTokens: 1, outputTokens: 1 })
  })
})
