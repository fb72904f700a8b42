import { describe, expect, it } from 'vitest'
import { matchGroups } from './match-groups.js'
import { DEFAULT_TOLERANCE } from './verdict.js'

const row = (day: string, apiKey: string | null, tokens: number, costNanos: number) => ({ day, model: 'gpt-4o', project: 'p', apiKey, serviceTier: null, requests: 1, inputTokens: tokens, outputTokens: 0, costNanos })
const options = { tolerance: DEFAULT_TOLERANCE, completeThrough: new Date('2026-11-03T00:00:00Z') }

describe('matchGroups', () => {
  it('collapses the provider rows onto the compared dimensions', () => {
    const { groups, unmatched } = matchGroups([row('2026-11-02', 'k1', 10, 100), row('2026-11-02', 'k2', 30, 300)], [row('2026-11-02', null, 40, 400)], { ...options, dimensions: ['project'] })
    expect(groups).toHaveLength(1)
    expect(groups[0]).toMatchObject({ day: '2026-11-02', model: 'gpt-4o', project: 'p', verdict: 'within-tolerance', final: true })
    expect(groups[0]).not.toHaveProperty('apiKey')
    expect(unmatched).toEqual([])
  })

  it('keeps the provider rows of provider-only groups with their own keys, and marks days after completeThrough partial', () => {
    const provider = [row('2026-11-03', 'k2', 30, 300)]
    const { groups, unmatched } = matchGroups(provider, [row('2026-11-03', 'k1', 10, 100)], { ...options, dimensions: ['apiKey'] })
    expect(groups.map((group) => [group.apiKey, group.verdict, group.final])).toEqual([
      ['k1', 'ledger-only', false],
      ['k2', 'provider-only', false],
    ])
    expect(unmatched).toEqual(provider)
  })

  it('gives both effective prices per million tokens when tokens agree and costs do not', () => {
    const { groups } = matchGroups([row('2026-11-02', null, 1000, 3_000_000)], [row('2026-11-02', null, 1000, 2_500_000)], { ...options, dimensions: [] })
    expect(groups[0]).toMatchObject({ verdict: 'ledger-low', priceDrift: { providerUsdPerMillionTokens: 3, ledgerUsdPerMillionTokens: 2.5 } })
  })
})
