import { EXIT_UNEXPECTED } from './cli/cli-io.js'
import { endOnClosedPipe } from './cli/end-on-closed-pipe.js'
import { runCli } from './cli/run-cli.js'

endOnClosedPipe(process.stdout, process.stderr)
endOnClosedPipe(process.stderr, { write: () => true })

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr }).then(
  (code) => {
    process.exitCode = code
  },
  (error: unknown) => {
    process.stderr.write(`finops-ai: unexpected error: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}\n`)
    process.exitCode = EXIT_UNEXPECTED
  },
)
