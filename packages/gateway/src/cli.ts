import { once } from 'node:events'
import { runGatewayCli } from './run-gateway-cli.js'
import { startTelemetryExport } from './telemetry-export.js'

const stopped = Promise.race([once(process, 'SIGTERM'), once(process, 'SIGINT')])

runGatewayCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  stopped,
  startTelemetry: () => startTelemetryExport(),
}).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`finops-ai-gateway: unexpected error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`)
    process.exit(70)
  },
)
