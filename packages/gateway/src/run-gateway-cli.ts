import { ConfigError } from '@finops-ai/core'
import { loadGatewayConfig } from './gateway-config.js'
import { runKeysCommand, type KeysCommandIo } from './keys/index.js'
import { serveGateway, type ServedGateway } from './serve-gateway.js'
import type { TelemetryExport } from './telemetry-export.js'

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
  /**
   * Registers telemetry export before `serve` starts the engine, and says so in the log. The bin
   * passes `startTelemetryExport` (the OpenTelemetry Node SDK, when installed). Default: none.
   */
  startTelemetry?: () => Promise<TelemetryExport>
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
  let telemetry: TelemetryExport | undefined
  try {
    const config = loadGatewayConfig(rest[1]!)
    telemetry = await io.startTelemetry?.()
    if (telemetry) io.stderr(`finops-ai-gateway: ${telemetry.status}\n`)
    served = await serveGateway(config)
  } catch (error) {
    await stopTelemetry(telemetry, io)
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
  await stopTelemetry(telemetry, io)
  return 0
}

/** Flushes and stops telemetry export; a failed last export (e.g. no collector listening) is logged, not fatal. */
async function stopTelemetry(telemetry: TelemetryExport | undefined, io: GatewayCliIo): Promise<void> {
  await telemetry?.shutdown().catch((error: unknown) => {
    io.stderr(`finops-ai-gateway: telemetry export failed at shutdown: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`)
  })
}
