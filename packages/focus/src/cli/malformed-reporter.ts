import type { CliIo } from './cli-io.js'
import type { MalformedLine } from './read-usage-records.js'

/** Prints the first 20 malformed lines as `file:line: problem` and counts them all. */
export function malformedReporter(io: CliIo): { onMalformed: (line: MalformedLine) => void; summary: () => void } {
  let count = 0
  return {
    onMalformed(line) {
      count++
      if (count <= 20) io.stderr.write(`${line.file}:${line.line}: skipped: ${line.message}\n`)
    },
    summary() {
      if (count > 0) io.stderr.write(`warning: skipped ${count} malformed line${count === 1 ? '' : 's'} (use --strict to fail instead)\n`)
    },
  }
}
