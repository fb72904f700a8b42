import { describe, expect, it } from 'vitest'
import { SHADOW_SPEND_HINT, shadowSpend } from './shadow-spend.js'

const row = (project: string | null, apiKey: string | null, day: string, model: string, costNanos: number) => ({ day, model, project, apiKey, serviceTier: null, requests: 1, inputTokens: 10, outputTokens: 5, costNanos })

describe('shadowSpend', () => {
  it('sums unmatched rows per project and API key, largest cost first', () => {
    const result = shadowSpend([row('p1', 'k1', '2026-11-03', 'gpt-4o', 300), row('p2', null, '2026-11-02', 'gpt-4o-mini', 5000), row('p1', 'k1', '2026-11-02', 'gpt-4o-mini', 200)])
    expect(result).toEqual([
      { project: 'p2', apiKey: null, models: ['gpt-4o-mini'], days: ['2026-11-02'], requests: 1, inputTokens: 10, outputTokens: 5, costUsd: 0.000005, hint: SHADOW_SPEND_HINT },
      { project: 'p1', apiKey: 'k1', models: ['gpt-4o', 'gpt-4o-mini'], days: ['2026-11-02', '2026-11-03'], requests: 2, inputTokens: 20, outputTokens: 10, costUsd: 0.0000005, hint: SHADOW_SPEND_HINT },
    ])
  })

  it('is empty without unmatched rows', () => {
    expect(shadowSpend([])).toEqual([])
  })
})
