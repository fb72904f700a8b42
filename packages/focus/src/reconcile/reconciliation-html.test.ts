import { describe, expect, it } from 'vitest'
import { reconciliationSection } from './reconciliation-html.js'
import { fixtureReconciliation } from './reconcile-fixture.js'

describe('reconciliationSection', () => {
  it('escapes keys from the report', async () => {
    const reconciliation = await fixtureReconciliation()
    reconciliation.shadowSpend[0]!.project = '<img src=x>'
    const html = reconciliationSection(reconciliation)
    expect(html).not.toContain('<img')
    expect(html).toContain('&#60;img src=x&#62;')
  })

  it('shows the totals', async () => {
    const html = reconciliationSection(await fixtureReconciliation())
    expect(html).toContain('<div class="kpi">Provider<b>0.077000 USD</b></div><div class="kpi">Ledger<b>0.028710 USD</b></div>')
    expect(html).toContain('<div class="kpi">Shadow spend<b>0.051500 USD</b></div>')
  })
})
