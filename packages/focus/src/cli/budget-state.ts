import type { BudgetBurn } from './spend-summary.js'

/** The last value of a cumulative series. */
const spentOf = (spent: readonly (number | null)[]) => spent.reduce<number>((last, value) => value ?? last, 0)

/**
 * One line per budget: its period, what each drawn counter spent so far, the limits (or why they
 * are not comparable), e.g. `support-monthly (monthly, 2026-11-01 – 2026-12-01): spent 12.3400 of soft 10.0000 / hard 20.0000 USD`.
 */
export function formatBudgetState(budgets: readonly BudgetBurn[], currency: string): string {
  return budgets
    .map((budget) => {
      const limits = [budget.softLimit === undefined ? '' : `soft ${budget.softLimit.toFixed(4)}`, budget.hardLimit === undefined ? '' : `hard ${budget.hardLimit.toFixed(4)}`].filter(Boolean).join(' / ')
      const spent = budget.series.map((series) => `${budget.per === undefined ? '' : `${budget.per} ${series.name}: `}${spentOf(series.spent).toFixed(4)}`).join(', ')
      const of = limits === '' ? '' : ` of ${limits}${budget.per === undefined ? '' : ` each`}`
      const note = budget.note === undefined ? '' : ` (${budget.note})`
      return `${budget.policy} (${budget.period.kind}, ${budget.period.start.slice(0, 10)} – ${budget.period.end.slice(0, 10)}): spent ${spent}${of} ${currency}${note}\n`
    })
    .join('')
}
