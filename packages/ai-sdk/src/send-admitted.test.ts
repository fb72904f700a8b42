import { RecordingCallPath } from '@finops-ai/core/testing'
import type { CallHandle } from '@finops-ai/core'
import { context, createContextKey } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sendAdmitted } from './send-admitted.js'

const key = createContextKey('call')
beforeAll(() => void context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable()))
afterAll(() => context.disable())

function begun(): { path: RecordingCallPath; handle: CallHandle } {
  const path = new RecordingCallPath()
  const handle = context.with(context.active().setValue(key, 'admitted'), () =>
    path.begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 1 }),
  ) as CallHandle
  return { path, handle }
}

describe('sendAdmitted', () => {
  it("sends inside the call's context and leaves settling to the caller", async () => {
    const { path, handle } = begun()
    expect(await sendAdmitted(handle, async () => context.active().getValue(key))).toBe('admitted')
    expect(path.calls[0]?.outcome).toBe('open')
  })

  it('fails the call with a send error and rethrows it unchanged', async () => {
    const { path, handle } = begun()
    const failure = new Error('connection refused')
    await expect(sendAdmitted(handle, () => Promise.reject(failure))).rejects.toBe(failure)
    expect(path.calls[0]).toMatchObject({ outcome: 'failed', error: failure })
  })
})
