import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { DEFAULT_INFERENCE_GEO_PRICES } from './inference-geo-prices.js'
import { compileServiceTiers, type TierSubject } from './service-tiers.js'

const gpt4o: TierSubject = { provider: 'openai', model: 'gpt-4o-2024-08-06', priceProvider: 'openai', priceModel: 'gpt-4o' }
const sonnet: TierSubject = { provider: 'anthropic', model: 'claude-sonnet-4-5', priceProvider: 'anthropic', priceModel: 'claude-sonnet-4-5' }
const mistral: TierSubject = { provider: 'mistral_ai', model: 'mistral-large', priceProvider: 'mistral', priceModel: 'mistral-large' }

describe('compileServiceTiers', () => {
  it('prices tiers by provider and model by default', () => {
    const tiers = compileServiceTiers()
    expect(tiers.lookup('priority', gpt4o)).toEqual({ patch: { input_mtok: 4.25, cache_read_mtok: 2.125, output_mtok: 17 } })
    expect(tiers.lookup('priority', sonnet)).toEqual({ milli: 1000 })
    expect(tiers.lookup('batch', sonnet)).toEqual({ milli: 500 })
    expect(tiers.lookup('FLEX', gpt4o)).toEqual({ milli: 500 })
    expect(tiers.lookup('priority', mistral)).toEqual({ milli: 2000 })
    expect(tiers.lookup('default', gpt4o)).toEqual({ milli: 1000 })
    expect(tiers.lookup('reserved', gpt4o)).toBeUndefined()
  })

  it('keeps a plain multiplier working for every provider and model, over the defaults', () => {
    const tiers = compileServiceTiers({ priority: 1.75, Reserved: 0.8 })
    expect(tiers.lookup('priority', gpt4o)).toEqual({ milli: 1750 })
    expect(tiers.lookup('priority', sonnet)).toEqual({ milli: 1750 })
    expect(tiers.lookup('reserved', mistral)).toEqual({ milli: 800 })
  })

  it('takes the most specific user key: provider:model, model, provider:*, *', () => {
    const tiers = compileServiceTiers({
      priority: { 'openai:gpt-4o-2024-08-06': 1.9, 'gpt-4o': { input: 4, output: 16 }, 'anthropic:*': 1.1, '*': 3 },
    })
    expect(tiers.lookup('priority', gpt4o)).toEqual({ milli: 1900 })
    expect(tiers.lookup('priority', { ...gpt4o, model: 'gpt-4o' })).toEqual({ patch: { input_mtok: 4, output_mtok: 16 } })
    expect(tiers.lookup('priority', sonnet)).toEqual({ milli: 1100 })
    expect(tiers.lookup('priority', mistral)).toEqual({ milli: 3000 })
  })

  it('rejects bad multipliers and prices at serviceTiers.<tier>', () => {
    const pathsOf = (run: () => unknown): string[] => {
      try {
        run()
      } catch (error) {
        if (ConfigError.isInstance(error)) return error.issues.map((issue) => issue.path)
        throw error
      }
      return []
    }
    expect(pathsOf(() => compileServiceTiers({ flex: -1 }))).toEqual(['serviceTiers.flex'])
    expect(pathsOf(() => compileServiceTiers({ priority: { 'gpt-4o': { input: -4 } } }))).toEqual(['serviceTiers.priority["gpt-4o"].input'])
    expect(pathsOf(() => compileServiceTiers({ priority: 'fast' as never }))).toEqual(['serviceTiers.priority'])
  })

  it('looks up another table keyed alike after the user prices', () => {
    const geos = compileServiceTiers({}, DEFAULT_INFERENCE_GEO_PRICES)
    expect(geos.lookup('US', sonnet)).toEqual({ milli: 1100 })
    expect(geos.lookup('us', gpt4o)).toBeUndefined()
    expect(geos.lookup('global', sonnet)).toBeUndefined()
  })
})
