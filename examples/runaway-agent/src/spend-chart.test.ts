import { describe, expect, it } from 'vitest'
import { spendChart } from './spend-chart.js'

describe('spendChart', () => {
  it('draws one bar per call scaled to the limit, with the limit column and the stopped call', () => {
    const chart = spendChart(
      [
        { call: 1, cumulative: 0.25 },
        { call: 2, cumulative: 0.75 },
      ],
      { limit: 1, currency: 'USD', width: 8, stopped: 'stopped' },
    )
    expect(chart.split('\n')).toEqual([
      'call   spend USD  0 ......| limit 1 USD/min',
      '   1    0.250000  ██      |',
      '   2    0.750000  ██████  |',
      '   3           -  stopped',
    ])
  })

  it('caps a bar at the limit column', () => {
    expect(spendChart([{ call: 1, cumulative: 5 }], { limit: 1, currency: 'EUR', width: 4 }).split('\n')[1]).toBe('   1    5.000000  ████|')
  })
})
