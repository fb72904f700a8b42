import { describe, expect, it } from 'vitest'
import { ATTRIBUTION_METADATA_KEY, attributionFromMetadata, withAttributionMetadata } from './batch-attribution-metadata.js'

describe('withAttributionMetadata', () => {
  it('adds the attribution as JSON beside the caller’s own metadata', () => {
    expect(withAttributionMetadata({ job: 'nightly' }, { team: 'x', user: 'u1' })).toEqual({ job: 'nightly', [ATTRIBUTION_METADATA_KEY]: '{"team":"x","user":"u1"}' })
    expect(withAttributionMetadata(null, {})).toEqual({ [ATTRIBUTION_METADATA_KEY]: '{}' })
  })

  it('gives up when OpenAI’s limits leave no room: 16 pairs, 512 characters', () => {
    const full = Object.fromEntries(Array.from({ length: 16 }, (_, index) => [`k${index}`, 'v']))
    expect(withAttributionMetadata(full, { team: 'x' })).toBeUndefined()
    expect(withAttributionMetadata({}, { team: 'x'.repeat(510) })).toBeUndefined()
  })

  it('replaces its own earlier key rather than counting it', () => {
    const full = { ...Object.fromEntries(Array.from({ length: 15 }, (_, index) => [`k${index}`, 'v'])), [ATTRIBUTION_METADATA_KEY]: '{}' }
    expect(withAttributionMetadata(full, { team: 'y' })?.[ATTRIBUTION_METADATA_KEY]).toBe('{"team":"y"}')
  })
})

describe('attributionFromMetadata', () => {
  it('reads the attribution back, and nothing from absent or invalid values', () => {
    expect(attributionFromMetadata({ [ATTRIBUTION_METADATA_KEY]: '{"team":"x"}' })).toEqual({ team: 'x' })
    expect(attributionFromMetadata({ job: 'nightly' })).toBeUndefined()
    expect(attributionFromMetadata({ [ATTRIBUTION_METADATA_KEY]: 'not json' })).toBeUndefined()
    expect(attributionFromMetadata({ [ATTRIBUTION_METADATA_KEY]: '{"team":{"name":"x"}}' })).toBeUndefined()
    expect(attributionFromMetadata({ [ATTRIBUTION_METADATA_KEY]: '{"team":7}' })).toEqual({ team: '7' })
    expect(attributionFromMetadata(null)).toBeUndefined()
  })
})
