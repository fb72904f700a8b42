import { EXIT_FILE_SYSTEM, EXIT_OK } from './cli-io.js'

/** The part of a `process.stdout`-like stream this needs. */
export interface OutputStream {
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown
}

/**
 * Ends the process quietly with exit 0 when the reader of `stream` goes away (`EPIPE`, as in
 * `finops-ai focus usage.jsonl | head`), instead of dying on an unhandled `'error'` event with a
 * stack trace. Any other write error is one line on `stderr` and exit 5.
 */
export function endOnClosedPipe(stream: OutputStream, stderr: { write(text: string): unknown }, exit: (code: number) => void = (code) => process.exit(code)): void {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') {
      exit(EXIT_OK)
      return
    }
    stderr.write(`finops-ai: cannot write output: ${error.message}\n`)
    exit(EXIT_FILE_SYSTEM)
  })
}
