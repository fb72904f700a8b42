import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { compileServiceTiers, DEFAULT_SERVICE_TIERS } from './service-tiers.js'

describe('compileServiceTiers', () => {
  it('has documented defaults in thousandths', () => {
    expect(DEFAULT_SERVICE_TIERS).toEqual({ default: 1, auto: 1, standard: 1, scale: 1, batch: 0.5, flex: 0.5, priority: 2 })
    const tiers = compileServiceTiers()
    expect(tiers.get('batch')).toBe(500)
    expect(tiers.get('priority')).toBe(2000)
  })

  it('lets users override and add tiers, case-insensitively', () => {
    const tiers = compileServiceTiers({ priority: 1.75, Reserved: 0.8 })
    expect(tiers.get('priority')).toBe(1750)
    expect(tiers.get('reserved')).toBe(800)
  })

  it('rejects negative or non-finite multipliers at serviceTiers.<name>', () => {
    try {
      compileServiceTiers({ flex: -1 })
      expect.unreachable()
    } catch (error) {
      expect(ConfigError.isInstance(error) && error.path).toBe('serviceTiers.flex')
    }
  })
})
