import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { currentAttribution, withAttribution } from './attribution-scope.js'

describe('withAttribution', () => {
  it('is undefined outside any scope', () => {
    expect(currentAttribution()).toBeUndefined()
  })

  it('propagates across await, timers and Promise.all', async () => {
    await withAttribution({ team: 'search' }, async () => {
      await sleep(1)
      expect(currentAttribution()).toEqual({ team: 'search' })
      const fromTimer = await new Promise((resolve) => setTimeout(() => resolve(currentAttribution()), 1))
      expect(fromTimer).toEqual({ team: 'search' })
      const all = await Promise.all([1, 2, 3].map(async () => (await sleep(1), currentAttribution())))
      expect(all).toEqual([{ team: 'search' }, { team: 'search' }, { team: 'search' }])
    })
  })

  it('accepts numeric and boolean ids (plain JavaScript) as strings; rejects objects with the path', () => {
    expect(withAttribution({ user: 42, beta: true } as never, () => currentAttribution())).toEqual({ user: '42', beta: 'true' })
    expect(() => withAttribution({ team: { id: 1 } } as never, () => undefined)).toThrow('withAttribution.team: expected a string, a finite number or a boolean, got object')
  })

  it('does not leak between concurrent scopes', async () => {
    const seen = await Promise.all(
      ['a', 'b', 'c', 'd'].map((user, index) =>
        withAttribution({ user }, async () => {
          await sleep(4 - index)
          return currentAttribution()?.user
        }),
      ),
    )
    expect(seen).toEqual(['a', 'b', 'c', 'd'])
    expect(currentAttribution()).toBeUndefined()
  })

  it('merges nested scopes with the inner value winning per key', () => {
    withAttribution({ team: 'search', feature: 'rank' }, () => {
      withAttribution({ feature: 'summarise', user: 'u1' }, () => {
        expect(currentAttribution()).toEqual({ team: 'search', feature: 'summarise', user: 'u1' })
      })
      expect(currentAttribution()).toEqual({ team: 'search', feature: 'rank' })
    })
  })

  it('returns what the function returns', async () => {
    expect(withAttribution({ team: 't' }, () => 42)).toBe(42)
    await expect(withAttribution({ team: 't' }, async () => 'done')).resolves.toBe('done')
  })

  it('rejects an object value with a ConfigError naming the key', () => {
    expect(() => withAttribution({ user: {} as unknown as string }, () => 0)).toThrow(ConfigError)
    expect(() => withAttribution({ user: {} as unknown as string }, () => 0)).toThrow(/withAttribution\.user: expected a string, a finite number or a boolean, got object/)
  })
})
