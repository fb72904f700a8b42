import { readFileSync } from 'node:fs'
import { createSavingsAnalysis } from '../savings/create-savings-analysis.js'
import { DEFAULT_SHORT_OUTPUT_TOKENS, type SavingsOptions } from '../savings/savings-options.js'
import { type CliIo, EXIT_OK, InputError, UsageError } from './cli-io.js'
import { malformedReporter } from './malformed-reporter.js'
import { dateOption, numberOption, parseCommandLine } from './parse-command-line.js'
import { readUsageRecords } from './read-usage-records.js'
import { renderSavings } from './render-savings.js'
import { checkSelection } from './select-attribution.js'

/** `finops-ai savings --help`. */
export const SAVINGS_HELP = `Usage: finops-ai savings <usage.jsonl...> [options]

Where each team and feature could spend less, computed from the usage ledger and the price data:
prompt caching, batch/flex for non-interactive features, right-sizing to a cheaper model of the
same family, downgrades already made, what the response cache saved, reasoning share and denials.
Every figure states its assumption; what the ledger lacks is listed under "To record".

Options:
  --team <name>            only this team's calls (a name no record has is an error with a "did you mean")
  --feature <name>         only this feature's calls
  --from <date>            only calls that started at or after this ISO 8601 date/time (UTC)
  --to <date>              only calls that started before this date/time
  --currency <code>        currency of the amounts (default: USD, exact from the records' nano-USD)
  --rate <number>          units of --currency per 1 USD, for records priced in another currency
  --batch-features <list>  non-interactive features, comma-separated (besides attribution latency: batch)
  --siblings <file.json>   cheaper sibling per model, e.g. { "gpt-4o": "gpt-4o-mini" }; wins over the defaults
  --short-output <tokens>  right-sizing threshold: p95 output tokens below this (default: ${DEFAULT_SHORT_OUTPUT_TOKENS})
  --json                   print the whole analysis as JSON
  --strict                 fail on the first malformed line instead of skipping it
  -h, --help               show this help

Example:
  finops-ai savings usage*.jsonl --team support --currency EUR --rate 0.92
`

function readSiblings(path: string | undefined): Record<string, string> | undefined {
  if (path === undefined) return undefined
  let value: unknown
  try {
    value = JSON.parse(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new InputError(`cannot read siblings ${path}: ${(error as Error).message}`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new InputError(`${path}: expected an object of model → cheaper model, such as { "gpt-4o": "gpt-4o-mini" }`)
  for (const [model, sibling] of Object.entries(value)) {
    if (typeof sibling !== 'string' || sibling === '') throw new InputError(`${path}: ${JSON.stringify(model)}: expected the cheaper model's name, got ${JSON.stringify(sibling)}`)
  }
  return value as Record<string, string>
}

/** Reads the options `savings` shares with `report --team/--feature`. */
export function savingsOptionsOf(values: { currency?: string; rate?: string; from?: string; to?: string; team?: string; feature?: string }): SavingsOptions & { currency: string } {
  const currency = (values.currency ?? 'USD').toUpperCase()
  if (!/^[A-Z]{3}$/.test(currency)) throw new UsageError(`--currency expects an ISO 4217 code such as EUR, got '${values.currency}'`)
  return {
    currency,
    rate: numberOption('rate', values.rate),
    from: dateOption('from', values.from),
    to: dateOption('to', values.to),
    team: values.team,
    feature: values.feature,
  }
}

/** `finops-ai savings`: prints the analysis (or JSON); returns the exit code. */
export async function savingsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    team: { type: 'string' },
    feature: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    currency: { type: 'string' },
    rate: { type: 'string' },
    'batch-features': { type: 'string' },
    siblings: { type: 'string' },
    'short-output': { type: 'string' },
    json: { type: 'boolean' },
    strict: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(SAVINGS_HELP)
    return EXIT_OK
  }
  if (positionals.length === 0) throw new UsageError('savings needs at least one usage file')
  const analysis = createSavingsAnalysis({
    ...savingsOptionsOf(values),
    batchFeatures: values['batch-features']?.split(',').map((feature) => feature.trim()).filter(Boolean),
    siblings: readSiblings(values.siblings),
    shortOutputTokens: numberOption('short-output', values['short-output']),
  })
  const malformed = malformedReporter(io)
  for await (const record of readUsageRecords(positionals, { strict: values.strict, onMalformed: malformed.onMalformed })) {
    try {
      analysis.add(record)
    } catch (error) {
      throw new InputError((error as Error).message)
    }
  }
  malformed.summary()
  const result = analysis.result()
  checkSelection('team', values.team, result.teams)
  checkSelection('feature', values.feature, result.features)
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderSavings(result))
  return EXIT_OK
}
