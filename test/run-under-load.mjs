// `pnpm test:stress`: the test suite on a machine that is busy. One busy-loop worker per CPU core
// keeps every core at 100 % while the suite runs on the current Node line, twice in a row (a test
// that depends on timing fails in one of the rounds). Not part of CI's time budget: on a 2-core
// machine it takes about four times as long as one quiet run. Arguments are passed to vitest;
// FINOPS_STRESS_ROUNDS sets the number of rounds (default 2).
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Worker } from 'node:worker_threads'

const root = fileURLToPath(new URL('..', import.meta.url))
const rounds = Number(process.env.FINOPS_STRESS_ROUNDS ?? 2)
if (!Number.isInteger(rounds) || rounds < 1) {
  console.error(`FINOPS_STRESS_ROUNDS must be a positive integer, got '${process.env.FINOPS_STRESS_ROUNDS}'`)
  process.exit(2)
}

const hogs = Array.from({ length: availableParallelism() }, () => new Worker('for (;;) {}', { eval: true }))
console.log(`test:stress — ${hogs.length} busy-loop workers keep every core busy; ${rounds} rounds of the suite on Node ${process.versions.node}`)

let status = 0
const summaries = []
for (let round = 1; round <= rounds; round += 1) {
  console.log(`\n══ round ${round} of ${rounds} ══\n`)
  const run = spawnSync(process.execPath, [join(root, 'test', 'run-node-matrix.mjs'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, FINOPS_TEST_NODE: process.versions.node.split('.')[0] },
  })
  summaries.push(`round ${round}: exit ${run.status}`)
  if (run.status !== 0) status = run.status ?? 1
}
await Promise.all(hogs.map((hog) => hog.terminate()))
console.log(`\ntest:stress — ${summaries.join(' · ')}`)
process.exit(status)
