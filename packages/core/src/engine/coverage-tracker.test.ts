import { describe, expect, it } from 'vitest'
import { countBypassedCall, CoverageTracker } from './coverage-tracker.js'

const usd = (nanos: number) => nanos / 1e9

describe('CoverageTracker', () => {
  it('splits calls and exact cost into attributed and unallocated, counting each missing key', () => {
    const tracker = new CoverageTracker()
    tracker.record([], 300)
    tracker.record(['team'], 100)
    tracker.record(['team', 'feature'], 0)
    expect(tracker.snapshot(usd, 'USD')).toEqual({
      calls: { total: 3, attributed: 1, unallocated: 2, bypassed: 0 },
      cost: { attributed: 3e-7, unallocated: 1e-7, unallocatedShare: 0.25, currency: 'USD' },
      missingByKey: { team: 2, feature: 1 },
    })
  })

  it('reports bypassed calls counted since its creation, in the total and not in the cost', () => {
    countBypassedCall()
    const tracker = new CoverageTracker()
    tracker.record([], 100)
    countBypassedCall()
    countBypassedCall()
    expect(tracker.snapshot(usd, 'USD')).toMatchObject({ calls: { total: 3, attributed: 1, bypassed: 2 }, cost: { unallocatedShare: 0 } })
  })
})
