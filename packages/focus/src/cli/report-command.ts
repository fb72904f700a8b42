import { writeFileSync } from 'node:fs'
import { closestName, ConfigError, WELL_KNOWN_ATTRIBUTION_KEYS, loadPolicies, type PolicySet } from '@finops-ai/core'
import { chartJsSource } from './chart-js-source.js'
import { type CliIo, EXIT_OK, InputError, UsageError } from './cli-io.js'
import { renderHtmlReport } from './html-report.js'
import { malformedReporter } from './malformed-reporter.js'
import { dateOption, numberOption, parseCommandLine } from './parse-command-line.js'
import { readReconciliation } from './read-reconciliation.js'
import { readUsageRecords } from './read-usage-records.js'
import { renderTable } from './render-table.js'
import { createSpendSummary, type SpendSummary } from './spend-summary.js'

/** `finops-ai report --help`. */
export const REPORT_HELP = `Usage: finops-ai report <usage.jsonl...> [options]

Spend, tokens and calls from usage ledgers, grouped by attribution keys.

Options:
  --by <keys>          attribution keys to group by, comma-separated (default: team); a key no
                       record has is an error with a "did you mean" (user, team, feature and
                       costCenter only warn)
  --from <date>        only calls that started at or after this ISO 8601 date/time (UTC)
  --to <date>          only calls that started before this date/time
  --currency <code>    currency of the amounts (default: USD, exact from the records' nano-USD)
  --rate <number>      units of --currency per 1 USD, for records priced in another currency
  --html <file>        also write a self-contained HTML report with charts
  --policies <file>    policy file: adds a budget burn-down per budget policy to the HTML report
                       (limits in another currency need --currency <theirs> --rate <theirs per USD>)
  --reconciliation <f> output of finops-ai reconcile --json: adds the comparison with the bill to the HTML report
  --strict             fail on the first malformed line instead of skipping it
  -h, --help           show this help

Example:
  finops-ai report usage*.jsonl --by team,feature --from 2026-11-01 --html report.html --policies policies.yaml
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
  const rows = summary.groups.map((group) => [
    ...group.key,
    String(group.calls),
    String(group.inputTokens),
    String(group.outputTokens),
    group.amount.toFixed(4),
    share(group.amount),
  ])
  rows.push([...summary.by.map((_, index) => (index === 0 ? 'total' : '')), String(summary.total.calls), String(summary.total.inputTokens), String(summary.total.outputTokens), summary.total.amount.toFixed(4), share(summary.total.amount)])
  const numbers = new Set([0, 1, 2, 3, 4].map((offset) => summary.by.length + offset))
  const table = renderTable([...summary.by, 'calls', 'input tokens', 'output tokens', `spend ${summary.currency}`, 'share'], rows, numbers)
  const unallocated = `unallocated: ${summary.unallocated.calls} calls, ${summary.unallocated.amount.toFixed(4)} ${summary.currency} (${share(summary.unallocated.amount)} of spend)\n`
  const unpriced = summary.unpriced > 0 ? `unpriced: ${summary.unpriced} calls had no known price and count as 0\n` : ''
  return `${table}\n${unallocated}${unpriced}`
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
    strict: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(REPORT_HELP)
    return EXIT_OK
  }
  if (positionals.length === 0) throw new UsageError('report needs at least one usage file')
  const by = (values.by ?? 'team').split(',').map((key) => key.trim()).filter(Boolean)
  if (by.length === 0) throw new UsageError('--by needs at least one attribution key')
  const currency = (values.currency ?? 'USD').toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency expects an ISO 4217 code such as EUR, got '${values.currency}'`)
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
  const builder = createSpendSummary({
    by,
    currency,
    rate: numberOption('rate', values.rate),
    from: dateOption('from', values.from),
    to: dateOption('to', values.to),
    policies,
  })
  const malformed = malformedReporter(io)
  for await (const record of readUsageRecords(positionals, { strict: values.strict, onMalformed: malformed.onMalformed })) {
    try {
      builder.add(record)
    } catch (error) {
      throw new InputError((error as Error).message)
    }
  }
  malformed.summary()
  const summary = builder.result()
  checkGroupKeys(summary, io)
  io.stdout.write(formatTable(summary))
  if (values.html !== undefined) {
    writeFileSync(values.html, renderHtmlReport(summary, { chartJs: chartJsSource(), reconciliation }))
    io.stderr.write(`wrote ${values.html}\n`)
  }
  return EXIT_OK
}
