import { describe, expect, it } from 'vitest'
import { createPriceSchedule, fixedSchedule, priceAt } from './price-schedule.js'

const at = (iso: string) => Date.parse(iso)

describe('price schedules', () => {
  it('picks the last dated price that has started', () => {
    const schedule = createPriceSchedule(
      [{ prices: { input_mtok: 10 } }, { constraint: { type: 'start_date', start_date: '2025-06-10' }, prices: { input_mtok: 2 } }],
      (price) => price.input_mtok,
    )
    expect(priceAt(schedule, at('2025-06-09T23:59:59.999Z'))).toBe(10)
    expect(priceAt(schedule, at('2025-06-10T00:00:00Z'))).toBe(2)
  })

  it('picks a time-of-day price inside its UTC window, also across midnight', () => {
    const schedule = createPriceSchedule(
      [
        { prices: { input_mtok: 1 } },
        { constraint: { type: 'time_of_date', start_time: '22:00:00Z', end_time: '02:00:00Z' }, prices: { input_mtok: 0.5 } },
        { constraint: { type: 'time_of_date', start_time: '10:00:00+02:00', end_time: '12:00:00+02:00' }, prices: { input_mtok: 3 } },
      ],
      (price) => price.input_mtok,
    )
    expect(priceAt(schedule, at('2025-01-01T23:00:00Z'))).toBe(0.5)
    expect(priceAt(schedule, at('2025-01-02T01:59:59Z'))).toBe(0.5)
    expect(priceAt(schedule, at('2025-01-02T08:30:00Z'))).toBe(3)
    expect(priceAt(schedule, at('2025-01-02T12:00:00Z'))).toBe(1)
  })

  it('falls back to the first price when no constraint holds', () => {
    const schedule = createPriceSchedule(
      [{ constraint: { type: 'start_date', start_date: '2030-01-01' }, prices: { input_mtok: 7 } }, { constraint: { type: 'start_date', start_date: '2031-01-01' }, prices: { input_mtok: 8 } }],
      (price) => price.input_mtok,
    )
    expect(priceAt(schedule, at('2025-01-01T00:00:00Z'))).toBe(7)
  })

  it('builds each price once and returns the same value for a flat price', () => {
    let built = 0
    const schedule = createPriceSchedule({ input_mtok: 1 }, (price) => ({ built: ++built, price }))
    expect(priceAt(schedule, 0)).toBe(priceAt(schedule, Date.now()))
    expect(built).toBe(1)
    expect(priceAt(fixedSchedule('x'), 0)).toBe('x')
  })
})
