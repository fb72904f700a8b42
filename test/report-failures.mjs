// What counts as failed in a vitest JSON report, for CI's summary (.ci/summary.mjs) and the Node
// matrix runner (test/run-node-matrix.mjs): one definition, so both print the same figure.

/** Test files that failed before any of their tests ran (an import error): one failure each. */
export function failedFiles(report) {
  return (report.testResults ?? []).filter((file) => file.status === 'failed' && file.assertionResults.length === 0)
}

/** Failed tests plus {@link failedFiles}. */
export function failureCount(report) {
  return (report.numFailedTests ?? 0) + failedFiles(report).length
}
