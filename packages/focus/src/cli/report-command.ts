import { writeFileSync } from 'node:fs'
import { closestName, ConfigError, WELL_KNOWN_ATTRIBUTION_KEYS, loadPolicies, type PolicySet, type UsageRecord } from '@finops-ai/core'
import { createSavingsAnalysis } from '../savings/create-savings-analysis.js'
import { reportCurrency } from '../savings/report-currency.js'
import { formatBudgetState } from './budget-state.js'
import { chartJsSource } from './chart-js-source.js'
import { type CliIo, EXIT_OK, InputError, UsageError } from './cli-io.js'
import { renderHtmlReport } from './html-report.js'
import { malformedReporter } from './malformed-reporter.js'
import { parseCommandLine } from './parse-command-line.js'
import { readReconciliation } from './read-reconciliation.js'
import { readUsageRecords } from './read-usage-records.js'
import { renderSavings } from './render-savings.js'
import { renderTable } from './render-table.js'
import { savingsOptionsOf } from './savings-command.js'
import { checkSelection } from './select-attribution.js'
import { createSpendSummary, type SpendSummary, type SpendTotals } from './spend-summary.js'
import { createTopCalls, topCallRows } from './top-calls.js'

/** `finops-ai report --help`. */
export const REPORT_HELP = `Usage: finops-ai report <usage.jsonl...> [options]

Spend, tokens and calls from usage ledgers, grouped by attribution keys; when the response cache
answered calls, their number and the cost they avoided per group.

Options:
  --by <keys>          attribution keys to group by, comma-separated (default: team, or feature
                       with --team/--feature); a key no record has is an error with a "did you
                       mean" (user, team, feature and costCenter only warn)
  --team <name>        one team's report: its spend, the budgets its calls counted against, its
                       10 most expensive calls and its savings (see finops-ai savings --help);
                       a team no record has is an error with a "did you mean"
  --feature <name>     the same for one feature (with --team: that team's calls of the feature)
  --from <date>        only calls that started at or after this ISO 8601 date/time (UTC)
  --to <date>          only calls that started before this date/time
  --currency <code>    currency of the amounts (default: USD, exact from the records' nano-USD)
  --rate <number>      units of --currency per 1 USD, for records priced in another currency
  --html <file>        also write a self-contained HTML report with charts and the savings
  --policies <file>    policy file: adds a budget burn-down per budget policy to the HTML report
                       (limits in another currency need --currency <theirs> --rate <theirs per USD>)
  --reconciliation <f> output of finops-ai reconcile --json: adds the comparison with the bill to the HTML report
  --strict             fail on the first malformed line instead of skipping it
  -h, --help           show this help

Example:
  finops-ai report usage*.jsonl --by team,feature --from 2026-11-01 --html report.html --policies policies.yaml
  finops-ai report usage*.jsonl --team support --policies policies.yaml
`

/** Attribution keys DESIGN.md names; grouping by one that no record has is a warning, not an error. */
const wellKnownKeys = new Set(WELL_KNOWN_ATTRIBUTION_KEYS)

/** Throws an {@link InputError} for a `--by` key no record has (a typo such as `tema`); warns for a well-known key. */
function checkGroupKeys(summary: SpendSummary, io: CliIo): void {
  if (summary.total.calls === 0) return
  for (const key of summary.by) {
    if (summary.keys.includes(key)) continue
    const present = summary.keys.length > 0 ? summary.keys.join(', ') : 'none'
    if (wellKnownKeys.has(key)) {
      io.stderr.write(`warning: no record has the attribution key '${key}'; every call is under (none). Keys in these records: ${present}\n`)
      continue
    }
    const suggestion = closestName(key, [...summary.keys, ...wellKnownKeys])
    throw new InputError(`--by: no record has the attribution key '${key}'${suggestion === undefined ? '.' : `; did you mean '${suggestion}'?`} Keys in these records: ${present}`)
  }
}

function formatTable(summary: SpendSummary): string {
  const share = (amount: number) => (summary.total.amount > 0 ? `${((amount / summary.total.amount) * 100).toFixed(1)}%` : '-')
  // Response-cache columns only when the cache answered a call: ledgers without hits read as before.
  const cached = summary.total.cacheHits > 0
  const cells = (totals: SpendTotals) => [
    String(totals.calls),
    String(totals.inputTokens),
    String(totals.outputTokens),
    totals.amount.toFixed(4),
    share(totals.amount),
    ...(cached ? [String(totals.cacheHits), totals.costAvoided.toFixed(4)] : []),
  ]
  const rows = summary.groups.map((group) => [...group.key, ...cells(group)])
  rows.push([...summary.by.map((_, index) => (index === 0 ? 'total' : '')), ...cells(summary.total)])
  const header = ['calls', 'input tokens', 'output tokens', `spend ${summary.currency}`, 'share', ...(cached ? ['cache hits', `avoided ${summary.currency}`] : [])]
  const numbers = new Set(header.map((_, offset) => summary.by.length + offset))
  const table = renderTable([...summary.by, ...header], rows, numbers)
  const unallocated = `unallocated: ${summary.unallocated.calls} calls, ${summary.unallocated.amount.toFixed(4)} ${summary.currency} (${share(summary.unallocated.amount)} of spend)\n`
  const unpriced = summary.unpriced > 0 ? `unpriced: ${summary.unpriced} calls had no known price and count as 0\n` : ''
  const cache = cached
    ? `response cache: ${summary.total.cacheHits} calls answered without the provider, ${summary.total.costAvoided.toFixed(4)} ${summary.currency} avoided (not in spend; their tokens are not counted)\n`
    : ''
  return `${table}\n${unallocated}${unpriced}${cache}`
}

/** `finops-ai report`: prints the table; with `--html`, writes the HTML report. Returns the exit code. */
export async function reportCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    by: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    currency: { type: 'string' },
    rate: { type: 'string' },
    html: { type: 'string' },
    policies: { type: 'string' },
    reconciliation: { type: 'string' },
    team: { type: 'string' },
    feature: { type: 'string' },
    strict: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(REPORT_HELP)
    return EXIT_OK
  }
  if (positionals.length === 0) throw new UsageError('report needs at least one usage file')
  const selected = values.team !== undefined || values.feature !== undefined
  const by = (values.by ?? (selected ? 'feature' : 'team')).split(',').map((key) => key.trim()).filter(Boolean)
  if (by.length === 0) throw new UsageError('--by needs at least one attribution key')
  const options = savingsOptionsOf(values)
  const currency = options.currency
  let policies: PolicySet | undefined
  if (values.policies !== undefined) {
    try {
      policies = loadPolicies(values.policies)
    } catch (error) {
      if (ConfigError.isInstance(error)) throw new InputError(`invalid policy file ${values.policies}: ${error.message}`)
      throw error
    }
  }
  const reconciliation = values.reconciliation === undefined ? undefined : readReconciliation(values.reconciliation)
  if (reconciliation !== undefined && values.html === undefined) throw new UsageError('--reconciliation needs --html')
  const period = { currency, rate: options.rate, from: options.from, to: options.to }
  // A selection's budgets count every call of their policies, not only the selection's: they are summed over all records.
  const builder = createSpendSummary({ ...period, by, policies: selected ? undefined : policies })
  const budgets = selected && policies !== undefined ? createSpendSummary({ ...period, by: ['team'], policies }) : undefined
  const savings = selected || values.html !== undefined ? createSavingsAnalysis(options) : undefined
  const topCalls = selected ? createTopCalls(10) : undefined
  const converter = reportCurrency(currency, options.rate)
  const policyKeys = new Set<string>()
  const inSelection = (record: UsageRecord) =>
    (values.team === undefined || (record.attribution.team ?? '(none)') === values.team) &&
    (values.feature === undefined || (record.attribution.feature ?? '(none)') === values.feature)
  const inPeriod = (record: UsageRecord) => {
    const time = Date.parse(record.startTime)
    return !(options.from && time < options.from.getTime()) && !(options.to && time >= options.to.getTime())
  }
  const malformed = malformedReporter(io)
  for await (const record of readUsageRecords(positionals, { strict: values.strict, onMalformed: malformed.onMalformed })) {
    try {
      budgets?.add(record)
      savings?.add(record)
      if (!inSelection(record)) continue
      builder.add(record)
      if (topCalls === undefined || !inPeriod(record)) continue
      for (const key of record.policyKeys) policyKeys.add(key)
      topCalls.add(record, record.cost === null ? 0 : converter.convert(record, record.cost.usdNanos))
    } catch (error) {
      throw new InputError((error as Error).message)
    }
  }
  malformed.summary()
  const savingsResult = savings?.result()
  if (savingsResult !== undefined) {
    checkSelection('team', values.team, savingsResult.teams)
    checkSelection('feature', values.feature, savingsResult.features)
  }
  const summary = { ...builder.result(), ...(budgets === undefined ? {} : { budgets: budgets.result().budgets.filter((budget) => policyKeys.has(budget.policy)) }) }
  checkGroupKeys(summary, io)
  io.stdout.write(formatTable(summary))
  const top = topCalls?.result()
  if (top !== undefined && savingsResult !== undefined) {
    if (policies !== undefined) {
      const state = formatBudgetState(summary.budgets, currency)
      io.stdout.write(`\nBudgets these calls counted against:\n${state === '' ? 'none (no record names a budget policy of the file in its policyKeys)\n' : state}`)
    }
    const { header, rows } = topCallRows(top, currency)
    io.stdout.write(`\nMost expensive calls:\n${renderTable(header, rows, new Set([5, 6, 7]))}\n${renderSavings(savingsResult)}`)
  }
  if (values.html !== undefined) {
    const title = selected ? `finops-ai spend report: ${[values.team === undefined ? '' : `team ${values.team}`, values.feature === undefined ? '' : `feature ${values.feature}`].filter(Boolean).join(', ')}` : undefined
    writeFileSync(values.html, renderHtmlReport(summary, { chartJs: chartJsSource(), reconciliation, savings: savingsResult, topCalls: top, title }))
    io.stderr.write(`wrote ${values.html}\n`)
  }
  return EXIT_OK
}
