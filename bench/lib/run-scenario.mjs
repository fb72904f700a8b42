// Runs one scenario file in this (fresh) process: `node --expose-gc bench/lib/run-scenario.mjs
// bench/scenarios/<file>.mjs [--quick] [--solo=<variant>]`. Forked by bench/run.mjs, it sends its
// result over IPC; run by hand (e.g. under `node --cpu-prof`), it prints the result as JSON.
import { pathToFileURL } from 'node:url'
import { resolve } from 'node:path'
import { unbuiltReason } from './built-package.mjs'

const [file, ...flags] = process.argv.slice(2)
const quick = flags.includes('--quick')
const solo = flags.find((flag) => flag.startsWith('--solo='))?.slice('--solo='.length)

async function main() {
  const { scenario, run } = await import(pathToFileURL(resolve(file)).href)
  const notRun = (status, reason) => ({
    scenario: scenario.name,
    status,
    reason,
    // Targets of a scenario that did not run are recorded as not met, with the reason.
    entries: Object.fromEntries(Object.entries(scenario.targets ?? {}).map(([key, target]) => [key, { status, reason, target, met: false }])),
  })
  for (const [name, exports] of scenario.requires ?? []) {
    const reason = await unbuiltReason(name, exports)
    if (reason !== undefined) return notRun('skipped', reason)
  }
  const started = Date.now()
  let result
  try {
    result = await run({ quick, solo })
  } catch (error) {
    return notRun('failed', error instanceof Error ? (error.stack ?? error.message) : String(error))
  }
  if (result.skipped !== undefined) return notRun('skipped', result.skipped)
  return { scenario: scenario.name, status: 'ran', durationS: Math.round((Date.now() - started) / 100) / 10, ...result }
}

main().then(
  (result) => {
    if (process.send) process.send(result, () => process.exit(0))
    else {
      console.log(JSON.stringify(result, null, 2))
      process.exit(0)
    }
  },
  (error) => {
    const result = { status: 'failed', reason: error instanceof Error ? (error.stack ?? error.message) : String(error), entries: {} }
    if (process.send) process.send(result, () => process.exit(1))
    else {
      console.error(result.reason)
      process.exit(1)
    }
  },
)
