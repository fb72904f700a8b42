import { createKeyCommand } from './create-key-command.js'
import { KeysFileError, UsageError } from './keys-command-errors.js'
import type { KeysCommandIo } from './keys-command-io.js'
import { listKeysCommand } from './list-keys-command.js'
import { revokeKeyCommand } from './revoke-key-command.js'

/** Exit code of `keys`: done. */
export const EXIT_OK = 0
/** Exit code of `keys`: wrong command line (unknown command or option, missing or invalid value, unknown or duplicate id). */
export const EXIT_USAGE = 2
/** Exit code of `keys`: the keys file cannot be read, is invalid, or cannot be written. */
export const EXIT_INVALID_FILE = 3
/** Exit code of `keys`: an unexpected failure (a bug: please report it with the command line). */
export const EXIT_UNEXPECTED = 70

const program = 'finops-ai-gateway keys'

/** `finops-ai-gateway keys --help`. */
export const KEYS_HELP = `Usage: ${program} <create|list|revoke> --file <keys.yaml|keys.json> [options]

Virtual keys authenticate callers of the gateway. The keys file holds each key's id, attribution,
permissions and the SHA-256 hash of its secret, never the secret. A running gateway reloads the
file when it changes.

Commands:
  create   issue a key: append its entry to the file (created with mode 0600 if missing) and
           print its secret once, alone on stdout; it cannot be shown again
  list     every key: id, status (active, revoked, expired), dates, attribution, permissions
  revoke   mark the key --id revoked

Options:
  --file <path>           the keys file, .yaml, .yml or .json (required)
  --id <id>               create, revoke: the key's public id, logged with its calls (letters,
                          digits, _ . -), e.g. vk_support_rag
  --team <name>           create: attribution team
  --feature <name>        create: attribution feature
  --cost-center <code>    create: attribution costCenter
  --user <id>             create: attribution user (a key for one person)
  --attribution <k=v>     create: any other attribution key (repeatable)
  --user-header <name>    create: request header whose value becomes the user, e.g. x-user
  --provider <name>       create: allow only this provider, openai or anthropic (repeatable; default all)
  --model <name>          create: allow only this model (repeatable; default all)
  --expires <date>        create: ISO 8601 date from which the key is refused
  -h, --help              show this help

Exit codes (every error is one line on stderr):
  0   ok
  2   wrong command line: unknown command or option, missing or invalid value, unknown or duplicate id
  3   the keys file cannot be read, is invalid (each problem with its path), or cannot be written
  70  unexpected failure (a bug: please report it with the command line)
`

const commands: Record<string, (args: readonly string[], io: KeysCommandIo) => number> = {
  create: createKeyCommand,
  list: listKeysCommand,
  revoke: revokeKeyCommand,
}

/**
 * Runs `finops-ai-gateway keys` with `argv`, the arguments after `keys` (e.g. `['create', '--file',
 * 'keys.yaml', '--id', 'vk_x', '--team', 't']`), and returns the exit code: {@link EXIT_OK},
 * {@link EXIT_USAGE}, {@link EXIT_INVALID_FILE} or {@link EXIT_UNEXPECTED} (see {@link KEYS_HELP}).
 * Errors are written to `io.stderr`, one line each; nothing is thrown. No output or error ever
 * holds a secret, except the one line `create` writes to `io.stdout`.
 */
export async function runKeysCommand(argv: readonly string[], io: KeysCommandIo): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    io.stderr(KEYS_HELP)
    return EXIT_USAGE
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout(KEYS_HELP)
    return EXIT_OK
  }
  const command = Object.hasOwn(commands, name) ? commands[name] : undefined
  if (command === undefined) {
    io.stderr(`${program}: unknown command '${name}': expected create, list or revoke (see ${program} --help)\n`)
    return EXIT_USAGE
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(KEYS_HELP)
    return EXIT_OK
  }
  try {
    return command(rest, io)
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`${program} ${name}: ${error.message} (see ${program} --help)\n`)
      return EXIT_USAGE
    }
    if (error instanceof KeysFileError) {
      for (const line of error.lines) io.stderr(`${program} ${name}: ${line}\n`)
      return EXIT_INVALID_FILE
    }
    const message = error instanceof Error ? error.message : String(error)
    io.stderr(`${program} ${name}: unexpected error: ${message.split('\n')[0]} (please report this)\n`)
    return EXIT_UNEXPECTED
  }
}
