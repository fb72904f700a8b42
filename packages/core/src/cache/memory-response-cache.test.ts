import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { memoryResponseCache } from './memory-response-cache.js'
import type { CachedResponse, ResponseCacheStore } from './response-cache-store.js'

/** The body kept under `key` (the memory cache answers synchronously). */
const bodyOf = (cache: ResponseCacheStore, key: string) => (cache.get(key) as CachedResponse | undefined)?.body
const response = (body: string): CachedResponse => ({ status: 200, headers: { 'content-type': 'application/json' }, body, storedAt: '2026-12-03T10:00:00.000Z' })

describe('memoryResponseCache', () => {
  it('answers a response until its ttl has passed', () => {
    let now = 1_000
    const cache = memoryResponseCache({ clock: () => now })
    cache.set('k', response('{"a":1}'), 500)
    now = 1_499
    expect(cache.get('k')).toEqual(response('{"a":1}'))
    now = 1_500
    expect(cache.get('k')).toBeUndefined()
  })

  it('drops the least recently used response beyond maxEntries', () => {
    const cache = memoryResponseCache({ maxEntries: 2 })
    cache.set('a', response('a'), 60_000)
    cache.set('b', response('b'), 60_000)
    cache.get('a')
    cache.set('c', response('c'), 60_000)
    expect([bodyOf(cache, 'a'), bodyOf(cache, 'b'), bodyOf(cache, 'c')]).toEqual(['a', undefined, 'c'])
  })

  it('bounds the UTF-8 bytes of the bodies kept and skips a body larger than maxBytes', () => {
    const cache = memoryResponseCache({ maxBytes: 10 })
    cache.set('big', response('x'.repeat(11)), 60_000)
    expect(cache.get('big')).toBeUndefined()
    cache.set('a', response('ééé'), 60_000) // 6 bytes
    cache.set('b', response('1234'), 60_000) // 4 bytes: 10 in all
    expect(bodyOf(cache, 'a')).toBe('ééé')
    cache.set('c', response('z'), 60_000)
    expect(cache.get('b')).toBeUndefined()
    expect(bodyOf(cache, 'c')).toBe('z')
  })

  it('rejects bounds that are not positive integers', () => {
    expect(() => memoryResponseCache({ maxEntries: 0 })).toThrow(ConfigError)
    expect(() => memoryResponseCache({ maxBytes: 1.5 })).toThrow('memoryResponseCache.maxBytes: expected a positive integer, got 1.5')
  })
})
