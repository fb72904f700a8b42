// Prints the plain `N passed, M failed` line CI reads, from vitest's JSON report. Failed tests are
// listed above it (Node line, file, name, first line of the failure) so a CI log names what broke.
import { readFileSync } from 'node:fs'
import { failedFiles, failureCount } from '../test/report-failures.mjs'

const path = process.argv[2] ?? 'test-results/vitest.json'
let report
try {
  report = JSON.parse(readFileSync(path, 'utf8'))
} catch (error) {
  console.log(`0 passed, 1 failed`)
  console.error(`no readable vitest report at ${path}: ${error.message}`)
  process.exit(1)
}
const firstLine = (text) => (text ?? '').split('\n').find((line) => line.trim() !== '')?.trim().slice(0, 400) ?? ''
for (const file of failedFiles(report)) console.log(`FAILED ${file.name}: ${firstLine(file.message)}`)
for (const suite of report.testResults) {
  for (const test of suite.assertionResults) {
    if (test.status === 'failed') console.log(`FAILED ${suite.name} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`)
  }
}
const skipped = report.numPendingTests + report.numTodoTests
const line = `${report.numPassedTests} passed, ${failureCount(report)} failed`
console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line)
