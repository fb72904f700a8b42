import type { PolicySet, UsageRecord } from '@finops-ai/core'
import { budgetPeriodOf } from './budget-period.js'

/** Options of {@link createSpendSummary}. */
export interface SpendSummaryOptions {
  /** Attribution keys to group by, e.g. `['team', 'feature']`. */
  by: readonly string[]
  /** Currency of the amounts. `USD` is exact (from `cost.usdNanos`); another currency uses records priced in it or `rate`. */
  currency: string
  /** Units of `currency` per 1 USD for records priced in another currency. */
  rate?: number
  /** Only records that started at or after this time. */
  from?: Date
  /** Only records that started before this time. */
  to?: Date
  /** Policies with budgets get a burn-down. */
  policies?: PolicySet
}

/** Calls, tokens and spend of one group. */
export interface SpendTotals {
  /** Calls that were sent or answered by the response cache, and denied calls. */
  calls: number
  /** Tokens the provider processed (a response-cache hit's replayed usage is not counted). */
  inputTokens: number
  outputTokens: number
  /** In `currency`. */
  amount: number
  /** Calls the response cache answered (`cacheHit` in the record): no provider request, no cost. */
  cacheHits: number
  /** What those hits would have cost, in `currency` (hits of an unpriced model count as 0). */
  costAvoided: number
}

/** Cumulative spend of a budget policy over its whole current period. */
export interface BudgetBurn {
  policy: string
  period: { kind: string; start: string; end: string }
  /** The policy's `per:` key: each value has its own counter and the limits apply to each. */
  per?: string
  /** In the report's currency (converted with `rate` when the policy's limits are in USD). */
  softLimit?: number
  hardLimit?: number
  /** Why the limits could not be drawn, naming the flags that would draw them. */
  note?: string
  /** End of each bucket (hour for hourly/daily periods, day otherwise) from the period's start to its end. */
  at: string[]
  /**
   * Cumulative spend at each bucket end, `null` after the last record: one series (`all calls`)
   * without `per`, else the 5 counters (values of `per`) that spent most.
   */
  series: { name: string; spent: (number | null)[] }[]
}

/** Everything `finops-ai report` shows. */
export interface SpendSummary {
  currency: string
  by: readonly string[]
  total: SpendTotals
  /** Attribution keys present in the counted records, sorted. */
  keys: string[]
  /** Sorted by amount, largest first; a missing key is `(none)`. */
  groups: (SpendTotals & { key: string[] })[]
  unallocated: SpendTotals
  /** Calls without a price (cost null): counted, not priced. */
  unpriced: number
  /** Records outside `from`/`to`. */
  skipped: number
  /** UTC days and the spend of each team (top 8, the rest as `other`) on each day. */
  daily: { days: string[]; series: { name: string; amounts: number[] }[] }
  features: { name: string; amount: number }[]
  models: { name: string; amount: number }[]
  budgets: BudgetBurn[]
}

/** Aggregates usage records for a report, one at a time; memory grows with groups, days and hours only. */
export interface SpendSummaryBuilder {
  add(record: UsageRecord): void
  result(): SpendSummary
}

const none = '(none)'
const allCalls = 'all calls'
/** Counters of a `per:` budget drawn in its burn-down. */
const topCounters = 5
const hourMs = 3_600_000
const emptyTotals = (): SpendTotals => ({ calls: 0, inputTokens: 0, outputTokens: 0, amount: 0, cacheHits: 0, costAvoided: 0 })

function matches(policy: PolicySet[number], record: UsageRecord): boolean {
  return Object.entries(policy.match ?? {}).every(([key, values]) => values.includes(record.attribution[key] ?? ''))
}

/** Builds a {@link SpendSummary}; throws `Error` naming the record when an amount cannot be converted. */
export function createSpendSummary(options: SpendSummaryOptions): SpendSummaryBuilder {
  const currency = options.currency.toUpperCase()
  const total = emptyTotals()
  const unallocated = emptyTotals()
  const groups = new Map<string, SpendTotals & { key: string[] }>()
  const daily = new Map<string, Map<string, number>>()
  const features = new Map<string, number>()
  const models = new Map<string, number>()
  const keys = new Set<string>()
  const budgets = (options.policies ?? []).filter((policy) => policy.budget !== undefined)
  /** Per budget policy: spend per hour per counter (value of `per`, or `all calls`). */
  const hourly = budgets.map(() => new Map<string, Map<number, number>>())
  let unpriced = 0
  let skipped = 0
  let last = 0

  /** `cost` (default the record's own) in `currency`. */
  function amountOf(record: UsageRecord, cost = record.cost): number {
    if (cost === null) return 0
    if (currency === 'USD') return cost.usdNanos / 1e9
    if (cost.currency?.toUpperCase() === currency) return cost.amount
    if (options.rate !== undefined) return (cost.usdNanos / 1e9) * options.rate
    throw new Error(`record ${record.id} is priced in ${cost.currency}; pass --rate <${currency} per USD> to report in ${currency}`)
  }

  function count(totals: SpendTotals, record: UsageRecord, amount: number, avoided: number): void {
    totals.calls++
    totals.amount += amount
    if (record.cacheHit !== undefined) {
      totals.cacheHits++
      totals.costAvoided += avoided
      return
    }
    totals.inputTokens += record.usage.inputTokens
    totals.outputTokens += record.usage.outputTokens
  }

  return {
    add(record) {
      const time = Date.parse(record.startTime)
      if ((options.from && time < options.from.getTime()) || (options.to && time >= options.to.getTime())) {
        skipped++
        return
      }
      last = Math.max(last, time)
      const amount = amountOf(record)
      const avoided = record.cacheHit === undefined ? 0 : amountOf(record, record.cacheHit.costAvoided)
      if (record.cost === null && record.status !== 'denied') unpriced++
      count(total, record, amount, avoided)
      for (const name in record.attribution) keys.add(name)
      if (record.unallocated) count(unallocated, record, amount, avoided)
      const key = options.by.map((name) => record.attribution[name] ?? none)
      const id = JSON.stringify(key)
      let group = groups.get(id)
      if (group === undefined) groups.set(id, (group = { key, ...emptyTotals() }))
      count(group, record, amount, avoided)
      const day = record.startTime.slice(0, 10)
      let teams = daily.get(day)
      if (teams === undefined) daily.set(day, (teams = new Map()))
      const team = record.attribution.team ?? none
      teams.set(team, (teams.get(team) ?? 0) + amount)
      const feature = record.attribution.feature ?? none
      features.set(feature, (features.get(feature) ?? 0) + amount)
      models.set(`${record.provider}/${record.model}`, (models.get(`${record.provider}/${record.model}`) ?? 0) + amount)
      budgets.forEach((policy, index) => {
        if (!matches(policy, record)) return
        const hour = Math.floor(time / hourMs) * hourMs
        const counter = policy.per === undefined ? allCalls : (record.attribution[policy.per] ?? none)
        let hours = hourly[index]!.get(counter)
        if (hours === undefined) hourly[index]!.set(counter, (hours = new Map()))
        hours.set(hour, (hours.get(hour) ?? 0) + amount)
      })
    },
    result() {
      const days = [...daily.keys()].sort()
      const teamTotals = new Map<string, number>()
      for (const teams of daily.values()) for (const [team, amount] of teams) teamTotals.set(team, (teamTotals.get(team) ?? 0) + amount)
      const ranked = [...teamTotals.entries()].sort((a, b) => b[1] - a[1]).map(([team]) => team)
      const shown = ranked.slice(0, 8)
      const series = shown.map((name) => ({ name, amounts: days.map((day) => daily.get(day)?.get(name) ?? 0) }))
      if (ranked.length > shown.length) {
        const rest = new Set(ranked.slice(8))
        series.push({
          name: 'other',
          amounts: days.map((day) => [...(daily.get(day) ?? [])].reduce((sum, [team, amount]) => sum + (rest.has(team) ? amount : 0), 0)),
        })
      }
      const top = (map: Map<string, number>) => [...map.entries()].map(([name, amount]) => ({ name, amount })).sort((a, b) => b.amount - a.amount).slice(0, 10)
      const reference = options.to ? options.to.getTime() - 1 : last
      return {
        currency,
        by: options.by,
        keys: [...keys].sort(),
        total,
        groups: [...groups.values()].sort((a, b) => b.amount - a.amount || a.key.join().localeCompare(b.key.join())),
        unallocated,
        unpriced,
        skipped,
        daily: { days, series },
        features: top(features),
        models: top(models),
        budgets: budgets.map((policy, index) => burnDown(policy, hourly[index]!, reference, currency, options.rate)),
      }
    },
  }
}

/** The last non-null value of a cumulative series. */
const latest = (spent: readonly (number | null)[]) => spent.reduce<number>((last, value) => value ?? last, 0)

function burnDown(policy: PolicySet[number], counters: Map<string, Map<number, number>>, reference: number, currency: string, rate: number | undefined): BudgetBurn {
  const budget = policy.budget!
  const first = Math.min(reference, ...[...counters.values()].flatMap((hours) => [...hours.keys()]))
  const period = budgetPeriodOf(budget.period, reference, first)
  const bucket = budget.period === 'hourly' || budget.period === 'daily' ? hourMs : 24 * hourMs
  const lastBucket = Math.floor(reference / bucket) * bucket + bucket
  const at: string[] = []
  for (let start = period.start; start < period.end; start += bucket) at.push(new Date(start + bucket).toISOString())
  const cumulative = (hours: Map<number, number>) => {
    let spent = 0
    return at.map((_, index) => {
      const start = period.start + index * bucket
      if (start >= lastBucket) return null
      for (let hour = start; hour < start + bucket; hour += hourMs) spent += hours.get(hour) ?? 0
      return spent
    })
  }
  const series = [...counters.entries()]
    .map(([name, hours]) => ({ name, spent: cumulative(hours) }))
    .sort((a, b) => latest(b.spent) - latest(a.spent) || a.name.localeCompare(b.name))
    .slice(0, topCounters)
  const burn: BudgetBurn = {
    policy: policy.key,
    period: { kind: budget.period, start: new Date(period.start).toISOString(), end: new Date(period.end).toISOString() },
    ...(policy.per === undefined ? {} : { per: policy.per }),
    at,
    series: series.length > 0 ? series : [{ name: policy.per === undefined ? allCalls : none, spent: cumulative(new Map()) }],
  }
  for (const [field, limit] of [['softLimit', budget.softLimit], ['hardLimit', budget.hardLimit]] as const) {
    if (limit === undefined) continue
    const limitCurrency = limit.currency?.toUpperCase() ?? currency
    if (limitCurrency === currency) burn[field] = limit.amount
    else if (limitCurrency === 'USD' && rate !== undefined) burn[field] = limit.amount * rate
    else {
      burn.note = `limits are in ${limitCurrency}, the report in ${currency}: run the report with --currency ${limitCurrency} --rate <${limitCurrency} per USD> to draw them`
    }
  }
  return burn
}
