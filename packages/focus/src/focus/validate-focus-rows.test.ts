import { createPriceBook } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { toFocusRows } from './focus-aggregator.js'
import type { FocusRow } from './focus-columns.js'
import { fixturePrices, fixtureRecords } from './usage-record-fixture.js'
import { validateFocusRows } from './validate-focus-rows.js'

const rows = toFocusRows(fixtureRecords, { priceBook: createPriceBook({ overrides: fixturePrices }) })
const broken = (change: FocusRow): FocusRow[] => rows.map((row, index) => (index === 1 ? { ...row, ...change } : row))
const columnsOf = (result: ReturnType<typeof validateFocusRows>) => result.issues.map((issue) => `${issue.row}:${issue.column}`)

describe('validateFocusRows', () => {
  it('accepts the rows of toFocusRows', () => {
    expect(validateFocusRows(rows)).toEqual({ valid: true, issues: [] })
  })

  it('rejects an empty string where FOCUS requires null', () => {
    const result = validateFocusRows(broken({ ChargeClass: '' }))
    expect(result.valid).toBe(false)
    expect(result.issues).toEqual([{ row: 2, column: 'ChargeClass', message: expect.stringContaining('empty string') }])
  })

  it('rejects a ServiceCategory outside the allowed values and a subcategory of another parent', () => {
    expect(columnsOf(validateFocusRows(broken({ ServiceCategory: 'AI' })))).toEqual(['2:ServiceCategory'])
    expect(columnsOf(validateFocusRows(broken({ ServiceCategory: 'Compute' })))).toEqual(['2:ServiceSubcategory'])
  })

  it('rejects ListCost that is not ListUnitPrice × PricingQuantity, to the last digit', () => {
    const result = validateFocusRows(broken({ ListCost: '0.004500000000001' }))
    expect(result.issues).toEqual([{ row: 2, column: 'ListCost', message: '0.004500000000001 ≠ ListUnitPrice 2.5 × PricingQuantity 0.0018' }])
  })

  it('rejects bad formats: local dates, non-decimal numbers, unknown currencies, nested tags', () => {
    const result = validateFocusRows(
      broken({ ChargePeriodStart: '2026-11-28 00:00:00', BilledCost: '1,5', BillingCurrency: 'XXY', Tags: '{"team":{"a":1}}', x_CallCount: 'two' }),
    )
    expect(columnsOf(result).sort()).toEqual(['2:BilledCost', '2:BillingCurrency', '2:ChargePeriodStart', '2:Tags', '2:x_CallCount'])
  })

  it('rejects missing mandatory columns, unprefixed custom columns, nulls in mandatory values and usage rows without prices', () => {
    const [first] = rows
    const { BilledCost: _dropped, ...rest } = first!
    const result = validateFocusRows([{ ...rest, Team: 'a', ListUnitPrice: null, InvoiceIssuerName: null }])
    expect(columnsOf(result)).toEqual(['0:BilledCost', '0:Team', '1:InvoiceIssuerName', '1:ListUnitPrice'])
  })

  it('checks periods: end after start, charge period inside the billing period', () => {
    const result = validateFocusRows(broken({ ChargePeriodEnd: '2026-11-27T00:00:00Z', BillingPeriodStart: '2026-11-29T00:00:00Z' }))
    expect(columnsOf(result)).toEqual(['2:ChargePeriodEnd', '2:ChargePeriodStart'])
  })
})
