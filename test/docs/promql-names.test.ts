import { describe, expect, it } from 'vitest'
import { promqlNames } from './promql-names.js'

describe('promqlNames', () => {
  it('separates metrics from functions, label matchers and grouping labels', () => {
    expect(
      promqlNames('histogram_quantile(0.95, sum by (le, gen_ai_request_model) (rate(gen_ai_client_operation_duration_seconds_bucket{team_name=~"$team", x!="a{b}"}[$__rate_interval])))'),
    ).toEqual({ metrics: ['gen_ai_client_operation_duration_seconds_bucket'], labels: ['gen_ai_request_model', 'le', 'team_name', 'x'] })
  })

  it('reads both sides of binary operators and ignores numbers and ranges', () => {
    expect(promqlNames('sum(rate(a_total[5m])) / sum(rate(b_count[1h] offset 5m)) * 3600')).toEqual({ metrics: ['a_total', 'b_count'], labels: [] })
  })

  it("reads Grafana's label_values(metric{...}, label)", () => {
    expect(promqlNames('label_values(finops_cost_total{finops_cost_currency="$currency"}, team_name)')).toEqual({
      metrics: ['finops_cost_total'],
      labels: ['finops_cost_currency', 'team_name'],
    })
  })
})
