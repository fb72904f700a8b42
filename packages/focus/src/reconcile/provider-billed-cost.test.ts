import { describe, expect, it } from 'vitest'
import { toFocusRows } from '../focus/focus-aggregator.js'
import { validateFocusRows } from '../focus/validate-focus-rows.js'
import { withProviderBilledCost } from './provider-billed-cost.js'
import { fixtureReconciliation, reconcileLedger } from './reconcile-fixture.js'

describe('withProviderBilledCost', () => {
  it("puts the provider's billed cost in BilledCost and EffectiveCost of final days, keeping our ListCost", async () => {
    const rows = toFocusRows(reconcileLedger)
    const { rows: billed, replaced } = withProviderBilledCost(rows, await fixtureReconciliation())
    const view = (list: typeof rows) => list.filter((row) => row.x_Provider === 'openai').map((row) => [String(row.ChargePeriodStart).slice(0, 10), row.x_Model, row.x_Meter, row.ListCost, row.BilledCost, row.EffectiveCost])
    // gpt-4o-mini on 11-02: our 0.006 (0.003 input + 0.003 output) becomes the provider's 0.0075, shared 1:1.
    // 11-03 gpt-4o-mini is ledger-only: the provider billed 0. 11-04 is partial and 11-01 not compared: unchanged.
    expect(view(billed)).toEqual([
      ['2026-11-01', 'gpt-4o', 'input', '0.000025', '0.000025', '0.000025'],
      ['2026-11-01', 'gpt-4o', 'output', '0.0001', '0.0001', '0.0001'],
      ['2026-11-02', 'gpt-4o', 'input', '0.0075', '0.0075', '0.0075'],
      ['2026-11-02', 'gpt-4o', 'output', '0.006', '0.006', '0.006'],
      ['2026-11-02', 'gpt-4o-mini', 'input', '0.003', '0.00375', '0.00375'],
      ['2026-11-02', 'gpt-4o-mini', 'output', '0.003', '0.00375', '0.00375'],
      ['2026-11-03', 'gpt-4o-mini', 'input', '0.00015', '0', '0'],
      ['2026-11-03', 'gpt-4o-mini', 'output', '0.00006', '0', '0'],
      ['2026-11-04', 'gpt-4o', 'input', '0.005', '0.005', '0.005'],
      ['2026-11-04', 'gpt-4o', 'output', '0.004', '0.004', '0.004'],
    ])
    expect(replaced).toBe(6)
    expect(validateFocusRows(billed).valid).toBe(true)
  })

  it('shares a total out exactly, the largest remainders taking the odd nano-dollars', async () => {
    const reconciliation = await fixtureReconciliation()
    const group = reconciliation.groups.find((entry) => entry.day === '2026-11-02' && entry.model === 'gpt-4o')!
    group.provider.costUsd = 0.000000010 // 10 nanos over our 0.0075 : 0.006 split
    const { rows } = withProviderBilledCost(toFocusRows(reconcileLedger), reconciliation)
    const day = rows.filter((row) => String(row.ChargePeriodStart).startsWith('2026-11-02') && row.x_Model === 'gpt-4o')
    expect(day.map((row) => row.BilledCost)).toEqual(['0.000000006', '0.000000004'])
  })
})
