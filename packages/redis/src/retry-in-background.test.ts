import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { retryInBackground } from './retry-in-background.js'

describe('retryInBackground', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('tries again 25 ms, 100 ms, 400 ms after failures, and stops once an attempt resolves', async () => {
    const starts: number[] = []
    retryInBackground(async () => {
      starts.push(Date.now())
      if (starts.length < 4) throw new Error('unreachable')
    }, 60_000)
    await vi.runAllTimersAsync()
    const first = starts[0]!
    expect(starts.map((start) => start - first)).toEqual([0, 25, 125, 525])
  })

  it('waits at most 5 s between tries, and starts none beyond forMs', async () => {
    const starts: number[] = []
    retryInBackground(async () => {
      starts.push(Date.now())
      throw new Error('unreachable')
    }, 20_000)
    await vi.runAllTimersAsync()
    const first = starts[0]!
    expect(starts.map((start) => start - first)).toEqual([0, 25, 125, 525, 2_125, 7_125, 12_125, 17_125])
  })
})
