import { describe, expect, it } from 'vitest'
import { fixtureReconciliation } from './reconcile-fixture.js'
import { renderReconciliation, signed, usd } from './render-reconciliation.js'

describe('renderReconciliation', () => {
  it('says which days are partial and marks them', async () => {
    const text = renderReconciliation(await fixtureReconciliation())
    expect(text).toContain('report complete through 2026-11-04T12:00:00.000Z: days marked * are partial and may still grow')
    expect(text).toMatch(/^2026-11-04\*\s+gpt-4o\s+proj_app\s+key_app\s+1200\s+0\.004500\s+2400\s+0\.009000\s+\+1200\s+\+0\.004500\s+ledger high$/m)
    expect(text).toContain('final groups: 1 within tolerance, 0 ledger high, 1 ledger low, 3 provider only, 1 ledger only; 1 partial')
  })

  it('leaves out the shadow-spend and drift sections when there is nothing to show', async () => {
    const reconciliation = { ...(await fixtureReconciliation()), shadowSpend: [], priceDrift: [] }
    const text = renderReconciliation(reconciliation)
    expect(text).not.toContain('Shadow spend')
    expect(text).not.toContain('Price drift')
  })

  it('formats signed USD differences', () => {
    expect([signed(0.0015, usd), signed(-0.0015, usd), signed(0, usd), signed(3)]).toEqual(['+0.001500', '-0.001500', '0.000000', '+3'])
  })
})
