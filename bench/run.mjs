// `pnpm bench` (root: builds the packages first, then runs this): issue #10's benchmarks.
//
//   node bench/run.mjs [--quick] [--only=<substring of a scenario file name>]
//
// Each file in bench/scenarios/ runs in its own fresh Node process (bench/lib/run-scenario.mjs,
// with --expose-gc); inside it, the variants of the scenario are interleaved. A scenario whose
// packages are not built is recorded as `skipped`, with the reason. Results go to
// bench/results/latest.json (--quick: bench/results/latest-quick.json), and a markdown table is
// printed. Missed targets are results, not errors: the exit code is non-zero only when a scenario
// crashed.
import { fork } from 'node:child_process'
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { markdownTable } from './lib/markdown-table.mjs'
import { checkPoliciesAdded } from './lib/policies-added.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const flags = process.argv.slice(2)
const quick = flags.includes('--quick')
const only = flags.find((flag) => flag.startsWith('--only='))?.slice('--only='.length)
const order = ['openai-chat-nonstream', 'openai7-chat-nonstream', 'openai-chat-stream', 'anthropic-messages', 'ai-sdk-middleware', 'guards-memory', 'guards-redis', 'soak-memory']
const rank = (file) => {
  const at = order.indexOf(file.replace(/\.mjs$/, ''))
  return at === -1 ? order.length : at
}
const files = readdirSync(join(here, 'scenarios'))
  .filter((file) => file.endsWith('.mjs') && (only === undefined || file.includes(only)))
  .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))

function runScenario(file) {
  const timeoutMs = quick ? 60_000 : 300_000
  return new Promise((resolve) => {
    const child = fork(join(here, 'lib', 'run-scenario.mjs'), [join(here, 'scenarios', file), ...(quick ? ['--quick'] : [])], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    let result
    const timer = setTimeout(() => {
      result ??= { scenario: file, status: 'failed', reason: `timed out after ${timeoutMs / 1000} s`, entries: {} }
      child.kill('SIGKILL')
    }, timeoutMs)
    child.on('message', (message) => (result ??= message))
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(result ?? { scenario: file, status: 'failed', reason: `exited with code ${code} without a result`, entries: {} })
    })
  })
}

const started = Date.now()
const loadAtStart = loadavg()
const results = []
for (const file of files) {
  process.stderr.write(`bench: ${file} ...`)
  const result = await runScenario(file)
  results.push(result)
  process.stderr.write(` ${result.status}${result.durationS !== undefined ? ` in ${result.durationS} s` : ''}${result.reason ? `: ${result.reason.split('\n')[0]}` : ''}\n`)
}

const entries = Object.assign({}, ...results.map((result) => result.entries))
checkPoliciesAdded(entries)
const meta = {
  generatedAt: new Date().toISOString(),
  mode: quick ? 'quick' : 'full',
  node: process.version,
  platform: `${process.platform} ${process.arch}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  loadAverage: { atStart: loadAtStart.map((value) => Math.round(value * 100) / 100), atEnd: loadavg().map((value) => Math.round(value * 100) / 100) },
  durationS: Math.round((Date.now() - started) / 1000),
  method:
    'Variants interleaved in one process per scenario (order rotated each round), warm-up rounds discarded; medianUs/minUs/maxUs over rounds of µs per operation (process CPU time for the in-process scenarios, wall time for guards.redis); ratio = median over rounds of (variant / raw of the same round); wallMedianUs/wallRatio: the same over wall time, from the same batches.',
  scenarios: Object.fromEntries(
    results.map((result) => [result.scenario, { status: result.status, ...(result.durationS !== undefined && { durationS: result.durationS }), ...(result.reason && { reason: result.reason }), ...(result.info && { info: result.info }) }]),
  ),
  targets: Object.fromEntries(Object.entries(entries).filter(([, entry]) => entry.target !== undefined).map(([key, entry]) => [key, { target: entry.target, met: entry.met }])),
}
const output = join(here, 'results', quick ? 'latest-quick.json' : 'latest.json')
mkdirSync(dirname(output), { recursive: true })
writeFileSync(output, JSON.stringify({ $meta: meta, ...entries }, null, 2) + '\n')

console.log(markdownTable(entries))
for (const result of results.filter((entry) => entry.info?.openaiVersion)) console.log(`\nopenai version for ${result.scenario}: ${result.info.openaiVersion}`)
for (const result of results.filter((entry) => entry.status !== 'ran')) console.log(`\n${result.scenario}: ${result.status} — ${result.reason.split('\n')[0]}`)
const targets = Object.values(meta.targets)
console.log(`\nTargets met: ${targets.filter((target) => target.met).length}/${targets.length}. Written to ${output} in ${meta.durationS} s.`)
process.exitCode = results.some((result) => result.status === 'failed') ? 1 : 0
