import { ConfigError } from '@finops-ai/core'
import { loadGatewayConfig } from './gateway-config.js'
import { runKeysCommand, type KeysCommandIo } from './keys/index.js'
import { serveGateway, type ServedGateway } from './serve-gateway.js'

/** `finops-ai-gateway --help`. */
export const GATEWAY_HELP = `Usage: finops-ai-gateway <command>

Commands:
  serve --config <gateway.yaml>   run the gateway until SIGTERM or SIGINT, then shut down gracefully
  keys <create|list|revoke> ...   manage virtual keys (finops-ai-gateway keys --help)

Exit codes: 0 ok, 1 cannot start (e.g. the port is taken), 2 wrong command line,
3 invalid configuration, 70 unexpected failure.
`

/** How {@link runGatewayCli} talks to its surroundings; injectable for tests. */
export interface GatewayCliIo extends KeysCommandIo {
  /** Resolves when the server should stop (the bin: on SIGTERM or SIGINT). */
  stopped: Promise<unknown>
  /** Called once the gateway listens, with its handle. Default: nothing. */
  onListening?: (served: ServedGateway) => void
}

/**
 * Runs the `finops-ai-gateway` command line: `serve --config <file>` (listens until `io.stopped`
 * resolves, then closes gracefully) or `keys …`. Returns the exit code; errors go to `io.stderr`.
 */
export async function runGatewayCli(argv: readonly string[], io: GatewayCliIo): Promise<number> {
  const [command, ...rest] = argv
  if (command === 'keys') return runKeysCommand(rest, io)
  if (command === undefined || command === '--help' || command === '-h') {
    io.stdout(GATEWAY_HELP)
    return command === undefined ? 2 : 0
  }
  if (command !== 'serve') {
    io.stderr(`finops-ai-gateway: unknown command '${command}'; expected serve or keys\n`)
    return 2
  }
  if (rest.length !== 2 || rest[0] !== '--config') {
    io.stderr('finops-ai-gateway: usage: finops-ai-gateway serve --config <gateway.yaml>\n')
    return 2
  }
  let served: ServedGateway
  try {
    served = await serveGateway(loadGatewayConfig(rest[1]!))
  } catch (error) {
    if (ConfigError.isInstance(error)) {
      io.stderr(`finops-ai-gateway: ${error.message}\n`)
      return 3
    }
    const code = (error as NodeJS.ErrnoException).code
    if (typeof code !== 'string') throw error
    io.stderr(`finops-ai-gateway: cannot start: ${(error as Error).message}\n`)
    return 1
  }
  io.stderr(`finops-ai-gateway: listening on ${served.url}\n`)
  io.onListening?.(served)
  await io.stopped
  io.stderr('finops-ai-gateway: shutting down\n')
  await served.close()
  return 0
}
