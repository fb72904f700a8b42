import type { UsageRecord } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { costTable } from './cost-table.js'

const record = (overrides: Partial<UsageRecord>): UsageRecord =>
  ({
    attribution: { feature: 'faq' },
    operation: 'chat',
    provider: 'openai',
    model: 'gpt-4o-mini',
    stream: false,
    usage: { inputTokens: 10, outputTokens: 16 },
    cost: { amount: 0.0000111, usdNanos: 11_100 },
    status: 'ok',
    ...overrides,
  }) as UsageRecord

describe('costTable', () => {
  it('lists each call and the exact total', () => {
    const table = costTable([record({}), record({ status: 'denied', errorType: 'requests_per_minute', cost: null, attribution: {} })], 'USD')
    expect(table.split('\n')).toEqual([
      '#  feature        operation  provider  model        stream  input  cached  output  cost USD    status',
      '-  -------------  ---------  --------  -----------  ------  -----  ------  ------  ----------  ----------------------------',
      '1  faq            chat       openai    gpt-4o-mini  no      10     0       16      0.00001110  ok',
      '2  (unallocated)  chat       openai    gpt-4o-mini  no      10     0       16      -           denied (requests_per_minute)',
      '',
      'total 0.00001110 USD (11100 nano-USD) over 2 calls',
    ])
  })
})
