import type { ConditionalPrice, ModelInfo, ModelPrice } from '@pydantic/genai-prices'

/** One dated or timed price of a model, its constraint precomputed to numbers. */
interface Entry<T> {
  readonly value: T
  /** `always` (no constraint), `from` (start date), `daily` (UTC time-of-day window). */
  readonly kind: 'always' | 'from' | 'daily'
  /** `from`: epoch ms of the start date (00:00 UTC). */
  readonly startMs: number
  /** `daily`: window start and end in seconds after 00:00 UTC (end < start wraps midnight). */
  readonly startSecond: number
  readonly endSecond: number
}

/**
 * The prices of a model over time, built once per (provider, model) and cached. Picking the price
 * for a call compares precomputed numbers only, so a price change on a start date (OpenAI o3 on
 * 2025-06-10) or an off-peak window (DeepSeek) is honoured by every call even though the
 * resolved entry is cached.
 */
export interface PriceSchedule<T> {
  readonly entries: readonly Entry<T>[]
}

/** Builds the schedule of `model`, converting each price entry with `build` once. */
export function createPriceSchedule<T>(prices: ModelInfo['prices'], build: (price: ModelPrice) => T): PriceSchedule<T> {
  if (!Array.isArray(prices)) return { entries: [always(build(prices))] }
  return { entries: prices.map((price) => entryOf(price, build)) }
}

/** A schedule with one price that always applies (an override). */
export function fixedSchedule<T>(value: T): PriceSchedule<T> {
  return { entries: [always(value)] }
}

/**
 * The value effective at `atMs` (epoch ms), with genai-prices' rule: the LAST entry whose
 * constraint holds wins; an entry without constraint always holds; if none holds, the first.
 */
export function priceAt<T>(schedule: PriceSchedule<T>, atMs: number): T {
  const { entries } = schedule
  const first = entries[0] as Entry<T>
  if (entries.length === 1) return first.value
  for (let index = entries.length - 1; index >= 0; index--) {
    const entry = entries[index] as Entry<T>
    if (entry.kind === 'always') return entry.value
    if (entry.kind === 'from') {
      if (atMs >= entry.startMs) return entry.value
    } else {
      const second = (((atMs % DAY_MS) + DAY_MS) % DAY_MS) / 1000
      const inside = entry.endSecond < entry.startSecond
        ? second >= entry.startSecond || second < entry.endSecond
        : second >= entry.startSecond && second < entry.endSecond
      if (inside) return entry.value
    }
  }
  return first.value
}

const DAY_MS = 86_400_000

function always<T>(value: T): Entry<T> {
  return { value, kind: 'always', startMs: 0, startSecond: 0, endSecond: 0 }
}

function entryOf<T>(price: ConditionalPrice, build: (price: ModelPrice) => T): Entry<T> {
  const value = build(price.prices)
  const constraint = price.constraint as Record<string, string> | undefined
  if (constraint === undefined) return always(value)
  if ('start_date' in constraint) {
    const startMs = Date.parse(`${constraint.start_date}T00:00:00Z`)
    if (Number.isNaN(startMs)) throw new Error(`genai-prices: invalid start_date ${constraint.start_date}`)
    return { value, kind: 'from', startMs, startSecond: 0, endSecond: 0 }
  }
  if ('start_time' in constraint && 'end_time' in constraint) {
    return {
      value,
      kind: 'daily',
      startMs: 0,
      startSecond: secondOfDay(constraint.start_time as string),
      endSecond: secondOfDay(constraint.end_time as string),
    }
  }
  throw new Error(`genai-prices: unknown price constraint ${JSON.stringify(constraint)}`)
}

/** `HH:MM:SS[.fff](Z|±HH:MM)` → seconds after 00:00 UTC. */
function secondOfDay(time: string): number {
  const parts = /^(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|([+-])(\d{2}):(\d{2}))$/.exec(time)
  if (!parts) throw new Error(`genai-prices: invalid time-of-day constraint ${time}`)
  const [, hours, minutes, seconds, fraction = '', zone, sign, offsetHours = '0', offsetMinutes = '0'] = parts
  const local = Number(hours) * 3600 + Number(minutes) * 60 + Number(seconds) + Number(`0${fraction}`)
  const offset = zone === 'Z' ? 0 : (sign === '+' ? 1 : -1) * (Number(offsetHours) * 3600 + Number(offsetMinutes) * 60)
  return (((local - offset) % 86_400) + 86_400) % 86_400
}
