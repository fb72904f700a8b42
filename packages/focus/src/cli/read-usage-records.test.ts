import { describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { usageRecordProblem } from './read-usage-records.js'

describe('usageRecordProblem', () => {
  const record = usageRecord({ startTime: '2026-11-28T09:00:00Z', cost: usdCost(0) })

  it('accepts a response-cache hit with a cost avoided, or null when the price was unknown', () => {
    expect(usageRecordProblem({ ...record, cacheHit: { costAvoided: usdCost(2_700_000) } })).toBeUndefined()
    expect(usageRecordProblem({ ...record, cacheHit: { costAvoided: null } })).toBeUndefined()
  })

  it('names a malformed cacheHit instead of failing on it later', () => {
    const problem = 'cacheHit.costAvoided must be null or a cost with an integer usdNanos'
    expect(usageRecordProblem({ ...record, cacheHit: true })).toBe(problem)
    expect(usageRecordProblem({ ...record, cacheHit: {} })).toBe(problem)
    expect(usageRecordProblem({ ...record, cacheHit: { costAvoided: { amount: 0.1 } } })).toBe(problem)
  })
})
