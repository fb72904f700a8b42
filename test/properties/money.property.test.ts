// Money arithmetic: integer nano-USD sums are exact, per-meter rounding is exact half-up, currency
// conversions round-trip within a billionth, and the store's ledger adds up to the settled costs.
import { createCurrency, memoryStore, NANOS_PER_USD } from '@finops-ai/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { meterNanos } from '../../packages/core/src/money/meter-nanos.js'
import { nanosToUsd, usdToNanos } from '../../packages/core/src/money/nano-usd.js'
import { picoPerTokenFromMtok } from '../../packages/core/src/money/pico-rate.js'
import { createPriceBook } from '../../packages/core/src/prices/create-price-book.js'

/** The value of a memory-store operation (always synchronous). */
function sync<T>(value: T | Promise<T>): T {
  if (value instanceof Promise) throw new Error('the memory store answers synchronously')
  return value
}

/** Reference: round(quantity × pico × milli / 1e6) half-up, in BigInt. */
function referenceNanos(quantity: number, pico: number, milli: number): number {
  if (!(quantity > 0) || pico === 0 || milli === 0) return 0
  const product = BigInt(Math.round(quantity)) * BigInt(pico) * BigInt(milli)
  return Number((product + 500_000n) / 1_000_000n)
}

const tokens = fc.integer({ min: 0, max: 10_000_000 })
// Up to $1,000 per 1M tokens, in pico-USD per token.
const picoRate = fc.integer({ min: 0, max: 1_000_000_000 })
const multiplier = fc.constantFrom(1000, 500, 2000, 250, 1500, 1)

describe('meter arithmetic', () => {
  it('meterNanos is the exact half-up rounding of quantity × rate × multiplier', () => {
    fc.assert(
      fc.property(fc.oneof(tokens, fc.integer({ min: 0, max: 2 ** 40 })), picoRate, multiplier, (quantity, pico, milli) => {
        expect(meterNanos(quantity, pico, milli)).toBe(referenceNanos(quantity, pico, milli))
      }),
      { numRuns: 500 },
    )
  })

  it('published decimal prices convert to integer pico rates without float noise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (microDollarsPerMtok) => {
        // A price with up to 6 decimals, e.g. 0.000510 $/Mtok, as a float.
        const price = microDollarsPerMtok / 1e6
        expect(picoPerTokenFromMtok(price)).toBe(microDollarsPerMtok)
      }),
      { numRuns: 300 },
    )
  })

  it('a call cost is the exact sum of its meters, and sums of calls are exact integers', () => {
    const book = createPriceBook({ currency: createCurrency() })
    const price = book.resolve('openai', 'gpt-4o')!
    const usage = fc.record({
      inputTokens: tokens,
      outputTokens: tokens,
      cacheReadTokens: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
      reasoningTokens: fc.option(fc.integer({ min: 0, max: 1_000_000 }), { nil: undefined }),
    })
    fc.assert(
      fc.property(fc.array(usage, { minLength: 1, maxLength: 50 }), fc.constantFrom(undefined, 'batch', 'priority', 'flex'), (calls, tier) => {
        let total = 0
        let bigTotal = 0n
        for (const call of calls) {
          const cost = price.cost(call, { serviceTier: tier })
          expect(Number.isSafeInteger(cost.totalNanos)).toBe(true)
          expect(cost.totalNanos).toBe(cost.inputNanos + cost.cacheReadNanos + cost.cacheWriteNanos + cost.outputNanos + cost.requestNanos)
          total += cost.totalNanos
          bigTotal += BigInt(cost.totalNanos)
        }
        expect(BigInt(total)).toBe(bigTotal)
      }),
      { numRuns: 150 },
    )
  })
})

describe('conversions', () => {
  it('nano-USD → USD → nano-USD is the identity up to $1M', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e15, max: 1e15 }), (nanos) => {
        expect(usdToNanos(nanosToUsd(nanos))).toBe(nanos)
      }),
      { numRuns: 1000 },
    )
  })

  it('an amount with at most 9 decimals converts to nano-USD and back within 1e-9 (rates ≤ 1)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10 ** 15 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (billionths, rate) => {
          const amount = billionths / NANOS_PER_USD
          const eur = createCurrency({ currency: 'EUR', exchangeRates: { EUR: rate } })
          const back = eur.fromUsdNanos(eur.toUsdNanos(amount))
          expect(Math.abs(back - amount)).toBeLessThanOrEqual(1e-9 + Math.abs(amount) * 4 * Number.EPSILON)
        },
      ),
      { numRuns: 500 },
    )
  })

  it('for a rate above 1 the round trip error is bounded by half a nano-USD in that currency', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), fc.double({ min: 1, max: 200, noNaN: true }), (billionths, rate) => {
        const amount = billionths / NANOS_PER_USD
        const jpy = createCurrency({ currency: 'JPY', exchangeRates: { JPY: rate } })
        const back = jpy.fromUsdNanos(jpy.toUsdNanos(amount))
        expect(Math.abs(back - amount)).toBeLessThanOrEqual((0.5 * rate + 0.5) * 1e-9 + Math.abs(amount) * 4 * Number.EPSILON)
      }),
      { numRuns: 300 },
    )
  })
})

describe('the store ledger', () => {
  it('after any interleaving of reservations and settlements, spent is the exact sum of actual costs and nothing stays reserved', () => {
    const operation = fc.record({ estimate: fc.integer({ min: 0, max: 10 ** 9 }), actual: fc.integer({ min: 0, max: 10 ** 9 }) })
    fc.assert(
      fc.property(fc.array(operation, { minLength: 1, maxLength: 40 }), fc.array(fc.nat(), { maxLength: 40 }), (calls, order) => {
        const store = memoryStore({ clock: () => 1_700_000_000_000 })
        const key = 'p:budget'
        calls.forEach((call, index) => {
          const decision = sync(store.reserve({ id: String(index), counters: [{ kind: 'budget', key, period: 'monthly', amount: call.estimate }] }))
          expect(decision.allowed).toBe(true)
        })
        // Settle in a shuffled order (plus a few duplicate settlements, which must be no-ops).
        const pending = calls.map((_, index) => index)
        const sequence: number[] = []
        for (const pick of order) if (pending.length > 0) sequence.push(...pending.splice(pick % pending.length, 1))
        sequence.push(...pending)
        for (const index of [...sequence, ...sequence.slice(0, 3)]) store.settle({ id: String(index), tokens: 0, costNanos: calls[index]!.actual })
        const [reading] = sync(store.read({ counters: [{ kind: 'budget', key, period: 'monthly' }] }))
        if (reading?.kind !== 'budget') throw new Error('budget reading expected')
        expect(reading.reserved).toBe(0)
        expect(reading.spent).toBe(calls.reduce((sum, call) => sum + call.actual, 0))
      }),
      { numRuns: 150 },
    )
  })
})
