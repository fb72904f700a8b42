import { describe, expect, it } from 'vitest'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'
import { sendAfterAdmission } from './send-after-admission.js'
import type { StainlessAPIPromise, StainlessAPIPromiseClass } from './stainless-api-promise.js'
import { DoubleAPIPromise, doubleResponseProps } from './stainless-double.js'

const APIPromise = DoubleAPIPromise as unknown as StainlessAPIPromiseClass
const denial = new LimitExceededError({ reason: 'budget', policy: 'team-x', limit: 1, current: 1 })

function sender() {
  const sent: number[] = []
  const send = (): StainlessAPIPromise<unknown> => {
    sent.push(1)
    return new DoubleAPIPromise<unknown>({}, Promise.resolve(doubleResponseProps({ id: 'batch_1' }))) as unknown as StainlessAPIPromise<unknown>
  }
  return { sent, send }
}

describe('sendAfterAdmission', () => {
  it('sends at once when the admission returns', async () => {
    const { sent, send } = sender()
    const promise = sendAfterAdmission({ admit: () => undefined, send, APIPromise, client: {} })
    expect(sent).toHaveLength(1)
    expect(await promise).toEqual({ id: 'batch_1' })
  })

  it('sends after an asynchronous admission, keeping withResponse', async () => {
    const { sent, send } = sender()
    const { data } = await sendAfterAdmission({ admit: () => Promise.resolve(), send, APIPromise, client: {} }).withResponse()
    expect(data).toEqual({ id: 'batch_1' })
    expect(sent).toHaveLength(1)
  })

  it('sends nothing and rejects every reader on a denial, thrown or rejected', async () => {
    for (const admit of [() => { throw denial }, () => Promise.reject(denial)]) {
      const { sent, send } = sender()
      const promise = sendAfterAdmission({ admit, send, APIPromise, client: {} })
      await expect(promise).rejects.toBe(denial)
      await expect(promise.withResponse()).rejects.toBe(denial)
      expect(sent).toHaveLength(0)
    }
  })

  it('sends the call when the admission fails for another reason', async () => {
    const { sent, send } = sender()
    await sendAfterAdmission({ admit: () => Promise.reject(new Error('bug')), send, APIPromise, client: {} })
    expect(sent).toHaveLength(1)
  })
})
