import { describe, expect, it } from 'vitest'
import { prometheusNames } from './prometheus-names.js'

describe('prometheusNames', () => {
  it('drops curly-brace units and adds _total to counters', () => {
    expect(prometheusNames({ name: 'finops.cost', unit: '{EUR}', kind: 'counter' })).toEqual(['finops_cost_total'])
  })

  it('spells seconds out and splits histograms into bucket, sum and count', () => {
    expect(prometheusNames({ name: 'gen_ai.client.operation.duration', unit: 's', kind: 'histogram' })).toEqual([
      'gen_ai_client_operation_duration_seconds_bucket',
      'gen_ai_client_operation_duration_seconds_sum',
      'gen_ai_client_operation_duration_seconds_count',
    ])
  })

  it('refuses a unit it does not know rather than guessing', () => {
    expect(() => prometheusNames({ name: 'x', unit: 'furlong', kind: 'counter' })).toThrow(/unitWords/)
  })
})
