import { context, createContextKey, ROOT_CONTEXT } from '@opentelemetry/api'
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { CallHandle } from '../call/call-path.js'
import type { CallRequest } from '../call/call-request.js'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'
import { callThroughPath } from './call-through-path.js'
import type { ResponseObserver } from './observe-api-promise.js'
import { RecordingCallPath } from '../testing/recording-call-path.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass } from './stainless-api-promise.js'
import { DoubleAPIPromise, doubleResponseProps } from './stainless-double.js'

const request: CallRequest = { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 3 }
const denial = new LimitExceededError({ reason: 'budget', policy: 'p', limit: 1, current: 2 })
const marker = createContextKey('test marker')

function harness(path: RecordingCallPath) {
  const sent: Array<{ model: string; marked: unknown }> = []
  const send = (model: string) => {
    sent.push({ model, marked: context.active().getValue(marker) })
    return new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ model }))) as unknown as StainlessAPIPromise<unknown>
  }
  const observe = (handle: CallHandle): ResponseObserver<unknown> => ({
    data: (data) => {
      handle.succeed({ usage: { inputTokens: 3, outputTokens: 1 } })
      return data
    },
    error: (error) => handle.fail(error),
    raw: () => handle.succeed({ usage: { inputTokens: 3, outputTokens: 0 }, estimated: true }),
  })
  const call = () =>
    context.with(ROOT_CONTEXT.setValue(marker, 'span'), () =>
      callThroughPath({ path, request, send, observe, APIPromise: DoubleAPIPromise as unknown as StainlessAPIPromiseClass, client: {} }),
    )
  return { sent, call }
}

describe('callThroughPath', () => {
  const manager = new AsyncLocalStorageContextManager()
  beforeAll(() => void context.setGlobalContextManager(manager.enable()))
  afterAll(() => {
    context.disable()
    manager.disable()
  })

  it('sends at once inside the handle context when begin is synchronous', async () => {
    const path = new RecordingCallPath()
    const { sent, call } = harness(path)
    const promise = call()
    expect(sent).toEqual([{ model: 'gpt-4o', marked: 'span' }])
    expect(await promise).toEqual({ model: 'gpt-4o' })
    expect(path.calls[0]?.outcome).toBe('succeeded')
  })

  it('sends once the reservation resolves when begin is asynchronous', async () => {
    const path = new RecordingCallPath({ async: true })
    const { sent, call } = harness(path)
    const promise = call()
    expect(promise).toBeInstanceOf(DoubleAPIPromise)
    expect(sent).toEqual([])
    expect(await promise).toEqual({ model: 'gpt-4o' })
    expect(sent).toEqual([{ model: 'gpt-4o', marked: 'span' }])
    expect(path.calls[0]?.outcome).toBe('succeeded')
  })

  it('sends the model the handle names (a downgrade)', async () => {
    const path = new RecordingCallPath({ model: 'gpt-4o-mini' })
    const { sent, call } = harness(path)
    await call()
    expect(sent.map((entry) => entry.model)).toEqual(['gpt-4o-mini'])
  })

  it.each([false, true])('rejects with the denial and sends nothing (async begin: %s)', async (async) => {
    const path = new RecordingCallPath({ async, deny: denial })
    const { sent, call } = harness(path)
    await expect(call()).rejects.toBe(denial)
    expect(sent).toEqual([])
  })

  it('sends the call unobserved when the engine fails unexpectedly', async () => {
    const path = new RecordingCallPath({ deny: new Error('engine bug') })
    const { sent, call } = harness(path)
    expect(await call()).toEqual({ model: 'gpt-4o' })
    expect(sent).toHaveLength(1)
  })
})
