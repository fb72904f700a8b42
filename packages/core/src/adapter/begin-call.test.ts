import { describe, expect, it } from 'vitest'
import type { CallHandle, CallPath } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'
import { beginCall } from './begin-call.js'

const request: CallRequest = { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 3 }
const handle: CallHandle = { model: 'gpt-4o', context: {} as CallHandle['context'], firstChunk() {}, succeed() {}, fail() {} }
const denial = new LimitExceededError({ reason: 'budget', policy: 'team', limit: 1, current: 2 })

function pathOf(begin: CallPath['begin']): CallPath {
  return { begin }
}

describe('beginCall', () => {
  it('resolves with the handle of a synchronous or asynchronous admission', async () => {
    expect(await beginCall(pathOf(() => handle), request)).toBe(handle)
    expect(await beginCall(pathOf(() => Promise.resolve(handle)), request)).toBe(handle)
  })

  it('rejects with a denial, thrown or rejected', async () => {
    await expect(beginCall(pathOf(() => { throw denial }), request)).rejects.toBe(denial)
    await expect(beginCall(pathOf(() => Promise.reject(denial)), request)).rejects.toBe(denial)
  })

  it('resolves undefined when the engine fails for another reason, so the call is sent unobserved', async () => {
    expect(await beginCall(pathOf(() => { throw new Error('store down') }), request)).toBeUndefined()
    expect(await beginCall(pathOf(() => Promise.reject(new Error('store down'))), request)).toBeUndefined()
  })
})
