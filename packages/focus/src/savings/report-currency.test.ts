import { describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { reportCurrency } from './report-currency.js'

describe('reportCurrency', () => {
  const usd = usageRecord({ id: 'usd', startTime: '2026-11-28T09:00:00Z', cost: usdCost(2_000_000_000) })
  const eur = usageRecord({ id: 'eur', startTime: '2026-11-28T09:00:00Z', cost: { ...usdCost(2_000_000_000)!, amount: 1.84, currency: 'EUR' } })

  it('converts nano-USD exactly to USD, with a rate to another currency, else at the rate the record was priced at', () => {
    expect(reportCurrency('usd').convert(eur, 500_000_000)).toBe(0.5)
    expect(reportCurrency('EUR', 0.9).convert(usd, 500_000_000)).toBeCloseTo(0.45, 12)
    expect(reportCurrency('EUR').convert(eur, 500_000_000)).toBeCloseTo(0.46, 12)
  })

  it("converts another cost of the record (a cache hit's cost avoided) at that cost's own rate", () => {
    const avoided = { ...usdCost(1_000_000_000)!, amount: 0.93, currency: 'EUR' }
    expect(reportCurrency('USD').costOf(eur, avoided)).toBe(1)
    expect(reportCurrency('EUR', 0.9).costOf(eur, avoided)).toBeCloseTo(0.9, 12)
    expect(reportCurrency('EUR').costOf(eur, avoided)).toBe(0.93)
    expect(() => reportCurrency('GBP').costOf(eur, avoided)).toThrow('record eur is priced in EUR; pass --rate <GBP per USD> to report in GBP')
  })

  it('names the record and the flag when it cannot convert', () => {
    expect(() => reportCurrency('EUR').convert(usd, 1)).toThrow('record usd is priced in USD; pass --rate <EUR per USD> to report in EUR')
  })
})
