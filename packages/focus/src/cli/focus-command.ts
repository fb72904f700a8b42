import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { ConfigError, createPriceBook, type ModelPriceOverride } from '@finops-ai/core'
import { createFocusAggregator } from '../focus/focus-aggregator.js'
import { focusCsvStringifier, writeFocusCsv } from '../focus/focus-csv.js'
import { focusMetadata } from '../focus/focus-metadata.js'
import { validateFocusCsv } from '../focus/validate-focus-csv.js'
import { withProviderBilledCost } from '../reconcile/provider-billed-cost.js'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, InputError, UsageError } from './cli-io.js'
import { malformedReporter } from './malformed-reporter.js'
import { parseCommandLine } from './parse-command-line.js'
import { createProgressBar } from './progress-bar.js'
import { readReconciliation } from './read-reconciliation.js'
import { readUsageRecords } from './read-usage-records.js'

/** `finops-ai focus --help`. */
export const FOCUS_HELP = `Usage: finops-ai focus <usage.jsonl...> -o focus.csv [options]

Converts usage ledgers to FOCUS 1.3 CSV, streaming (memory grows with rows, not records).

Options:
  -o, --output <file>      the CSV to write (default: standard output)
  --granularity <g>        charge period: day (default) or hour
  --tags <keys>            attribution keys copied into Tags (default: all but user)
  --prices <file.json>     price overrides the engine used ({ "model": { "input": 2.5, "output": 10 } })
  --metadata <file.json>   also write the FOCUS metadata document
  --reconciliation <file>  output of finops-ai reconcile --json: BilledCost and EffectiveCost of final
                           days become the provider's billed cost (ListCost stays the price table's)
  --validate               validate the written CSV; exit 1 with the issues when invalid
  --strict                 fail on the first malformed line instead of skipping it
  -h, --help               show this help

Example:
  finops-ai focus usage*.jsonl -o focus.csv --granularity day --validate
`

function loadOverrides(path: string | undefined): Record<string, ModelPriceOverride> | undefined {
  if (path === undefined) return undefined
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, ModelPriceOverride>
  } catch (error) {
    throw new InputError(`cannot read price overrides ${path}: ${(error as Error).message}`)
  }
}

/** `finops-ai focus`: returns the exit code. */
export async function focusCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    output: { type: 'string', short: 'o' },
    granularity: { type: 'string' },
    tags: { type: 'string' },
    prices: { type: 'string' },
    metadata: { type: 'string' },
    reconciliation: { type: 'string' },
    validate: { type: 'boolean' },
    strict: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(FOCUS_HELP)
    return EXIT_OK
  }
  if (positionals.length === 0) throw new UsageError('focus needs at least one usage file')
  const granularity = values.granularity ?? 'day'
  if (granularity !== 'day' && granularity !== 'hour') throw new UsageError(`--granularity expects day or hour, got '${granularity}'`)
  if (values.validate && values.output === undefined) throw new UsageError('--validate needs --output')
  let priceBook
  try {
    priceBook = createPriceBook({ overrides: loadOverrides(values.prices) })
  } catch (error) {
    if (ConfigError.isInstance(error)) throw new InputError(`invalid price overrides ${values.prices}: ${error.message}`)
    throw error
  }
  const reconciliation = values.reconciliation === undefined ? undefined : readReconciliation(values.reconciliation)
  const aggregator = createFocusAggregator({
    granularity,
    priceBook,
    tagKeys: values.tags?.split(',').map((key) => key.trim()).filter(Boolean),
  })
  let total = 0
  for (const file of positionals) {
    try {
      total += statSync(file).size
    } catch (error) {
      throw new InputError(`cannot read ${file}: ${(error as Error).message}`)
    }
  }
  const progress = createProgressBar({ total, stream: io.stderr, label: 'converting ' })
  const malformed = malformedReporter(io)
  const records = readUsageRecords(positionals, { strict: values.strict, onMalformed: malformed.onMalformed, onProgress: (bytes) => progress.update(bytes) })
  try {
    for await (const record of records) aggregator.add(record)
  } finally {
    progress.finish()
  }
  malformed.summary()
  const billed = reconciliation === undefined ? undefined : withProviderBilledCost(aggregator.rows(), reconciliation)
  const rows = billed?.rows ?? aggregator.rows()
  if (values.output === undefined) {
    const csv = focusCsvStringifier()
    csv.on('data', (chunk: Buffer) => io.stdout.write(chunk.toString()))
    for (const row of rows) csv.write(row)
    csv.end()
    await new Promise((resolve) => csv.on('end', resolve))
  } else {
    await writeFocusCsv(rows, values.output)
  }
  if (values.metadata !== undefined) writeFileSync(values.metadata, `${JSON.stringify(focusMetadata(), null, 2)}\n`)
  const stats = aggregator.stats
  io.stderr.write(
    `${rows.length} FOCUS rows from ${stats.records} records` +
      (stats.denied > 0 ? `; ${stats.denied} denied calls (no charge)` : '') +
      (stats.cacheHits > 0 ? `; ${stats.cacheHits} response-cache hits (no charge)` : '') +
      (values.output ? ` → ${values.output}` : '') +
      '\n',
  )
  if (billed !== undefined) io.stderr.write(`BilledCost from the ${reconciliation!.provider} report on ${billed.replaced} rows\n`)
  if (stats.unpriced > 0) io.stderr.write(`warning: ${stats.unpriced} records have no known price and are not in the FOCUS rows (add --prices)\n`)
  if (stats.costMismatches > 0) {
    io.stderr.write(`warning: ${stats.costMismatches} records were priced differently by the engine (pass the engine's overrides with --prices)\n`)
  }
  if (values.validate && values.output !== undefined) {
    const result = validateFocusCsv(readFileSync(values.output, 'utf8'))
    if (!result.valid) {
      for (const issue of result.issues.slice(0, 50)) io.stderr.write(`${values.output}: row ${issue.row}, ${issue.column}: ${issue.message}\n`)
      io.stderr.write(`FOCUS validation failed: ${result.issues.length} issue${result.issues.length === 1 ? '' : 's'}\n`)
      return EXIT_INVALID_INPUT
    }
    io.stderr.write('FOCUS validation passed\n')
  }
  return EXIT_OK
}
