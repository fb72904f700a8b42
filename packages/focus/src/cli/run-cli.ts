import { checkPoliciesCommand, CHECK_POLICIES_HELP } from './check-policies-command.js'
import { type CliIo, EXIT_FILE_SYSTEM, EXIT_INVALID_INPUT, EXIT_OK, EXIT_UNEXPECTED, EXIT_USAGE, InputError, UsageError } from './cli-io.js'
import { focusCommand, FOCUS_HELP } from './focus-command.js'
import { pricesCommand, PRICES_HELP } from './prices-command.js'
import { reconcileCommand, RECONCILE_HELP } from './reconcile-command.js'
import { reportCommand, REPORT_HELP } from './report-command.js'
import { savingsCommand, SAVINGS_HELP } from './savings-command.js'
import { systemErrorMessage } from './system-error-message.js'

/** `finops-ai --help`. */
export const CLI_HELP = `Usage: finops-ai <command> [options]

Commands:
  report <usage.jsonl...>    spend, tokens and calls by attribution; --html for a report with charts;
                             --team/--feature for one team's spend, budgets, top calls and savings
  savings <usage.jsonl...>   where each team and feature could spend less, with the assumptions
  focus <usage.jsonl...>     convert usage ledgers to FOCUS 1.3 CSV
  prices <model>             the price the engine would use, with its source and date
  check-policies <file>      validate a policy file and print what it would enforce
  reconcile --provider <p>   check ledgers against the provider's usage and cost reports

Run finops-ai <command> --help for a command's options.
Exit codes (every error is one line on stderr, no stack trace):
  0   ok (also when stdout is closed early, e.g. finops-ai focus usage.jsonl | head)
  1   invalid input: unreadable or malformed file, unknown --by key, --team or --feature, unknown model,
      validation failure
  2   wrong command line: unknown command or option, missing argument (the command's help follows)
  3   reconcile: a provider report could not be fetched
  4   reconcile --fail-on-mismatch: a group is not within tolerance
  5   a file could not be written (missing output directory, no permission, full disk)
  70  unexpected failure inside finops-ai (a bug: please report it with the command line)
`

const commands: Record<string, { run: (args: readonly string[], io: CliIo) => Promise<number>; help: string }> = {
  report: { run: reportCommand, help: REPORT_HELP },
  savings: { run: savingsCommand, help: SAVINGS_HELP },
  focus: { run: focusCommand, help: FOCUS_HELP },
  prices: { run: pricesCommand, help: PRICES_HELP },
  'check-policies': { run: checkPoliciesCommand, help: CHECK_POLICIES_HELP },
  reconcile: { run: reconcileCommand, help: RECONCILE_HELP },
}

/**
 * Runs `finops-ai` with `args` (without `node` and the script) and returns the exit code (see
 * {@link CLI_HELP}): 0 ok, 1 invalid input (`InputError`, validation failure), 2 usage error
 * (`UsageError`, with the command's help), 5 a file system error, 70 anything else. Every error
 * is written as one line on `io.stderr`; nothing is thrown.
 */
export async function runCli(args: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = args
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io[name === undefined ? 'stderr' : 'stdout'].write(CLI_HELP)
    return name === undefined ? EXIT_USAGE : EXIT_OK
  }
  const command = commands[name]
  if (command === undefined) {
    io.stderr.write(`finops-ai: unknown command '${name}'\n\n${CLI_HELP}`)
    return EXIT_USAGE
  }
  try {
    return await command.run(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`finops-ai ${name}: ${error.message}\n\n${command.help}`)
      return EXIT_USAGE
    }
    if (error instanceof InputError) {
      io.stderr.write(`finops-ai ${name}: ${error.message}\n`)
      return EXIT_INVALID_INPUT
    }
    const systemError = systemErrorMessage(error)
    if (systemError !== undefined) {
      io.stderr.write(`finops-ai ${name}: ${systemError}\n`)
      return EXIT_FILE_SYSTEM
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr.write(`finops-ai ${name}: unexpected error: ${message.split('\n')[0]} (please report this)\n`)
    return EXIT_UNEXPECTED
  }
}

