import { describe, expect, it } from 'vitest'
import { withinDeadline } from './within-deadline.js'

const later = <T>(ms: number, value: T, fail = false): Promise<T> =>
  new Promise((resolve, reject) => setTimeout(() => (fail ? reject(value) : resolve(value)), ms))

describe('withinDeadline', () => {
  it('resolves with the work when it finishes in time', async () => {
    await expect(withinDeadline(later(5, 'done'), 200, () => new Error('late'))).resolves.toBe('done')
  })

  it('rejects with the work error when it fails in time', async () => {
    await expect(withinDeadline(later(5, new Error('boom'), true), 200, () => new Error('late'))).rejects.toThrow('boom')
  })

  it('rejects with the timeout error once the deadline passes, without waiting for the work', async () => {
    const started = Date.now()
    await expect(withinDeadline(new Promise(() => {}), 30, () => new Error('late'))).rejects.toThrow('late')
    expect(Date.now() - started).toBeLessThan(500)
  })

  it('leaves no unhandled rejection when the work fails after the deadline', async () => {
    const unhandled: unknown[] = []
    const listener = (reason: unknown) => unhandled.push(reason)
    process.on('unhandledRejection', listener)
    try {
      await expect(withinDeadline(later(60, new Error('too late'), true), 10, () => new Error('late'))).rejects.toThrow('late')
      await later(100, undefined)
      expect(unhandled).toEqual([])
    } finally {
      process.off('unhandledRejection', listener)
    }
  })
})
