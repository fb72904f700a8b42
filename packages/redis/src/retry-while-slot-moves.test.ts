import { describe, expect, it } from 'vitest'
import { isSlotInTransit, retryWhileSlotMoves } from './retry-while-slot-moves.js'

const tryAgain = () => new Error('TRYAGAIN Multiple keys request during rehashing of slot')

describe('retryWhileSlotMoves', () => {
  it('sends again while the cluster answers TRYAGAIN or CLUSTERDOWN, and resolves with the first reply', async () => {
    const refusals = [tryAgain(), new Error('CLUSTERDOWN The cluster is down')]
    let attempts = 0
    const reply = await retryWhileSlotMoves(async () => {
      attempts += 1
      const refusal = refusals.shift()
      if (refusal !== undefined) throw refusal
      return 'reply'
    }, () => true)
    expect(reply).toBe('reply')
    expect(attempts).toBe(3)
  })

  it('rejects with the refusal once the operation is no longer wanted (its deadline passed)', async () => {
    let attempts = 0
    const refusal = tryAgain()
    const outcome = retryWhileSlotMoves(async () => {
      attempts += 1
      throw refusal
    }, () => attempts < 3)
    await expect(outcome).rejects.toBe(refusal)
    expect(attempts).toBe(3)
  })

  it('never sends again after other failures: they may have run, or will not change by waiting', async () => {
    for (const failure of [new Error('NOSCRIPT No matching script'), new Error('Connection is closed.'), new Error('MOVED 3999 127.0.0.1:6381'), new Error('ERR finops-ai: reservation a already exists')]) {
      let attempts = 0
      await expect(retryWhileSlotMoves(async () => {
        attempts += 1
        throw failure
      }, () => true)).rejects.toBe(failure)
      expect(attempts).toBe(1)
    }
  })
})

describe('isSlotInTransit', () => {
  it('recognises the replies of a moving or unserved slot, also when ioredis gave up following redirections', () => {
    expect(isSlotInTransit(tryAgain())).toBe(true)
    expect(isSlotInTransit(new Error('CLUSTERDOWN Hash slot not served'))).toBe(true)
    expect(isSlotInTransit(new Error('Too many Cluster redirections. Last error: ReplyError: TRYAGAIN Multiple keys request during rehashing of slot'))).toBe(true)
    expect(isSlotInTransit(new Error('Too many Cluster redirections. Last error: ReplyError: MOVED 3999 127.0.0.1:6381'))).toBe(true)
    expect(isSlotInTransit(new Error('Too many Cluster redirections. Last error: Error: Connection is closed.'))).toBe(false)
    expect(isSlotInTransit(new Error('ERR Script attempted to access a non local key in a cluster node'))).toBe(false)
    expect(isSlotInTransit('TRYAGAIN')).toBe(false)
  })
})
