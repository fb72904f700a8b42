import { ConfigError } from '@finops-ai/core'
import { ProviderReportError } from '../reconcile/provider-report-error.js'
import type { ReconcileProvider } from '../reconcile/provider-report.js'
import { reconcile } from '../reconcile/reconcile.js'
import { renderReconciliation } from '../reconcile/render-reconciliation.js'
import { type CliIo, EXIT_MISMATCH, EXIT_OK, EXIT_REPORT_UNAVAILABLE, InputError, UsageError } from './cli-io.js'
import { malformedReporter } from './malformed-reporter.js'
import { parseCommandLine } from './parse-command-line.js'
import { readUsageRecords } from './read-usage-records.js'

/** `finops-ai reconcile --help`. */
export const RECONCILE_HELP = `Usage: finops-ai reconcile --provider openai|anthropic --from <day> --to <day> --ledger <usage.jsonl>... [options]

Checks usage ledgers against the provider's own usage and cost reports (read with an organisation
admin key through the official SDK), per UTC day × model (× project × API key × tier): verdicts,
shadow spend (provider usage without ledger records) and price drift.

Options:
  --provider <name>           openai or anthropic
  --from <day>                first UTC day, e.g. 2026-11-01
  --to <day>                  end UTC day, exclusive
  --ledger <file>             a usage ledger (JSONL from jsonlUsageSink); repeat it, or list files as arguments
  --project <id>              the ledger's OpenAI project / Anthropic workspace id (compare per project)
  --project-attribute <key>   attribution key holding each call's project id, instead of --project
  --api-key-id <id>           the ledger's API key id (compare per API key)
  --api-key-attribute <key>   attribution key holding each call's API key id, instead of --api-key-id
  --by-tier                   also compare per service tier (Anthropic only)
  --tolerance <fraction>      relative difference that still agrees (default 0.01 = 1%)
  --tolerance-usd <amount>    cost difference in USD that always agrees (default 0.000001)
  --json                      print the reconciliation as JSON instead of tables
  --fail-on-mismatch          exit 4 when a final group is not within tolerance
  --base-url <url>            API base URL (default: the SDK's, env OPENAI_BASE_URL / ANTHROPIC_BASE_URL)
  --max-retries <n>           retries per request on 429/5xx, honouring retry-after (default 5)
  --strict                    fail on the first malformed ledger line instead of skipping it
  -h, --help                  show this help

Environment: OPENAI_ADMIN_KEY or ANTHROPIC_ADMIN_KEY, an organisation admin key (never printed).
Exit codes: 0 ok, 1 invalid input or configuration (e.g. no admin key), 2 wrong command line,
3 a provider report could not be fetched (the HTTP status is printed), 4 mismatch (--fail-on-mismatch).

Example:
  finops-ai reconcile --provider openai --from 2026-11-01 --to 2026-11-08 --ledger usage.jsonl --project proj_abc
`

/** A number ≥ 0 option, or `undefined` when not given. */
function fractionOption(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  const number = Number(value)
  if (value.trim() === '' || !Number.isFinite(number) || number < 0) throw new UsageError(`--${name} expects a number ≥ 0, got '${value}'`)
  return number
}

/** `finops-ai reconcile`: prints the reconciliation; returns the exit code. */
export async function reconcileCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, {
    provider: { type: 'string' },
    from: { type: 'string' },
    to: { type: 'string' },
    ledger: { type: 'string', multiple: true },
    project: { type: 'string' },
    'project-attribute': { type: 'string' },
    'api-key-id': { type: 'string' },
    'api-key-attribute': { type: 'string' },
    'by-tier': { type: 'boolean' },
    tolerance: { type: 'string' },
    'tolerance-usd': { type: 'string' },
    json: { type: 'boolean' },
    'fail-on-mismatch': { type: 'boolean' },
    'base-url': { type: 'string' },
    'max-retries': { type: 'string' },
    strict: { type: 'boolean' },
  })
  if (values.help) {
    io.stdout.write(RECONCILE_HELP)
    return EXIT_OK
  }
  const provider = values.provider
  if (provider !== 'openai' && provider !== 'anthropic') throw new UsageError(`--provider expects openai or anthropic, got '${provider ?? ''}'`)
  if (values.from === undefined || values.to === undefined) throw new UsageError('reconcile needs --from and --to')
  const files = [...(values.ledger ?? []), ...positionals]
  if (files.length === 0) throw new UsageError('reconcile needs at least one --ledger file')
  const maxRetries = values['max-retries'] === undefined ? undefined : Number(values['max-retries'])
  if (maxRetries !== undefined && (!Number.isInteger(maxRetries) || maxRetries < 0)) throw new UsageError(`--max-retries expects an integer ≥ 0, got '${values['max-retries']}'`)
  const malformed = malformedReporter(io)
  let result
  try {
    result = await reconcile({
      provider: provider as ReconcileProvider,
      from: values.from,
      to: values.to,
      records: readUsageRecords(files, { strict: values.strict, onMalformed: malformed.onMalformed }),
      ledger: { project: values.project, projectAttribute: values['project-attribute'], apiKeyId: values['api-key-id'], apiKeyAttribute: values['api-key-attribute'] },
      byServiceTier: values['by-tier'],
      tolerance: { relative: fractionOption('tolerance', values.tolerance), absoluteUsd: fractionOption('tolerance-usd', values['tolerance-usd']) },
      baseURL: values['base-url'],
      maxRetries,
    })
  } catch (error) {
    if (ConfigError.isInstance(error)) throw new InputError(error.message)
    if (ProviderReportError.isInstance(error)) {
      io.stderr.write(`finops-ai reconcile: ${error.message}\n`)
      return EXIT_REPORT_UNAVAILABLE
    }
    throw error
  }
  malformed.summary()
  io.stdout.write(values.json ? `${JSON.stringify(result, null, 2)}\n` : renderReconciliation(result))
  const mismatches = result.groups.filter((group) => group.final && group.verdict !== 'within-tolerance').length
  return values['fail-on-mismatch'] && mismatches > 0 ? EXIT_MISMATCH : EXIT_OK
}
