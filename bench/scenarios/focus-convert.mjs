import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { performance } from 'node:perf_hooks'
import { heapAfterGc, megabytes } from '../lib/heap-after-gc.mjs'
import { runWithPeakRss } from '../lib/run-with-peak-rss.mjs'
import { ledgerRowBound, writeUsageLedger } from '../lib/usage-ledger.mjs'

/**
 * The most the heap may grow after warm-up (the first 10 % of the records: 100k of 1M). Memory may
 * grow with FOCUS rows (one aggregation group per row; at most `ledgerRowBound(7)` = 1,344 here,
 * ~0.5 KB each), not with records: 4 MB is < 4.7 bytes per record over the 900k records after
 * warm-up, so keeping anything per record (one 8-byte slot is 6.9 MB) misses it.
 */
const HEAP_BOUND_BYTES = 4 * 1_048_576
/** Old-space cap of the CLI run: ~3.5× its live heap (~13 MB after GC); a process keeping ≥ 40 bytes per record runs out of memory. */
const CLI_OLD_SPACE_MB = 48
const DAYS = 7
const USERS = 20_000

// The bench has no dependency on @finops-ai/focus: its built dist is imported by path.
const focusDist = new URL('../../packages/focus/dist/index.js', import.meta.url).href
const focusCli = fileURLToPath(new URL('../../packages/focus/dist/cli.js', import.meta.url))

/**
 * Issue #8 acceptance, "converting 1,000,000 records runs with flat memory": a 1M-line usage JSONL
 * ledger (time-ordered over 7 days, 4 models, 12 team × feature tag sets, 20k users — so a bounded
 * 1,344 FOCUS rows at day granularity) converted by the built `@finops-ai/focus` exactly as
 * `finops-ai focus` does (`readUsageRecords` → `createFocusAggregator` → `writeFocusCsv`), in this
 * process: `heapUsed` after forced GCs every 100k records. Then the built CLI itself, as a child
 * process with its old space capped, on the first 100k lines and on the whole ledger: it must
 * finish and write the same rows; its peak RSS is reported.
 */
export const scenario = {
  name: 'focus.convert',
  requires: [[focusDist, ['readUsageRecords', 'createFocusAggregator', 'writeFocusCsv']]],
  targets: {
    'focus.convert.heap': 'heap growth after the first 10% of records ≤ 4 MB',
    'focus.convert.cli': `the built CLI converts the whole ledger with --max-old-space-size=${CLI_OLD_SPACE_MB} and writes the same rows`,
  },
}

export async function run({ quick }) {
  const { createPriceBook } = await import('@finops-ai/core')
  const focus = await import(focusDist)
  const records = quick ? 20_000 : 1_000_000
  const directory = mkdtempSync(join(tmpdir(), 'finops-bench-focus-'))
  try {
    const ledger = join(directory, 'usage.jsonl')
    const firstTenth = join(directory, 'usage-first-tenth.jsonl')
    const generationStarted = performance.now()
    const ledgerBytes = await writeUsageLedger({ path: ledger, records, days: DAYS, users: USERS, priceBook: createPriceBook(), firstLinesPath: firstTenth, firstLines: records / 10 })
    const generationMs = performance.now() - generationStarted
    const inProcess = await convertInProcess({ focus, createPriceBook, ledger, records, output: join(directory, 'focus.csv') })
    const cliTenth = await runWithPeakRss(focusCli, ['focus', firstTenth, '-o', join(directory, 'cli-first-tenth.csv')], { nodeOptions: [`--max-old-space-size=${CLI_OLD_SPACE_MB}`] })
    const cliOutput = join(directory, 'cli.csv')
    const cliWhole = await runWithPeakRss(focusCli, ['focus', ledger, '-o', cliOutput], { nodeOptions: [`--max-old-space-size=${CLI_OLD_SPACE_MB}`] })
    const cliRows = cliWhole.code === 0 ? csvDataLines(cliOutput) : undefined
    return { entries: entries({ records, ledgerBytes, generationMs, inProcess, cliTenth, cliWhole, cliRows }) }
  } finally {
    rmSync(directory, { recursive: true, force: true })
  }
}

/** The conversion `finops-ai focus` runs, in this process, with a heap checkpoint every 10 % of the records. */
async function convertInProcess({ focus, createPriceBook, ledger, records, output }) {
  const checkpointEvery = records / 10
  const aggregator = focus.createFocusAggregator({ granularity: 'day', priceBook: createPriceBook() })
  const baseline = heapAfterGc()
  const checkpoints = [{ records: 0, heapUsedBytes: baseline, rows: 0 }]
  let read = 0
  let convertingMs = 0
  let cpuMicros = 0
  let cpuStarted = process.cpuUsage()
  let started = performance.now()
  for await (const record of focus.readUsageRecords([ledger], { strict: true })) {
    aggregator.add(record)
    if (++read % checkpointEvery === 0) {
      convertingMs += performance.now() - started
      const cpu = process.cpuUsage(cpuStarted)
      cpuMicros += cpu.user + cpu.system
      checkpoints.push({ records: read, heapUsedBytes: heapAfterGc(), rows: aggregator.rows().length })
      cpuStarted = process.cpuUsage()
      started = performance.now()
    }
  }
  convertingMs += performance.now() - started
  const writeStarted = performance.now()
  const rows = aggregator.rows()
  await focus.writeFocusCsv(rows, output)
  const writeMs = performance.now() - writeStarted
  if (read !== records) throw new Error(`read ${read} of ${records} records`)
  return { checkpoints, convertingMs, cpuMicros, writeMs, rows: rows.length, stats: { ...aggregator.stats } }
}

function entries({ records, ledgerBytes, generationMs, inProcess, cliTenth, cliWhole, cliRows }) {
  const { checkpoints } = inProcess
  const warmup = checkpoints[1]
  const atEnd = checkpoints.at(-1)
  const growthBytes = atEnd.heapUsedBytes - warmup.heapUsedBytes
  const recordsPerSec = Math.round((records / inProcess.convertingMs) * 1000)
  const rowBound = ledgerRowBound(DAYS)
  const heap = {
    records,
    ledgerMB: megabytes(ledgerBytes),
    generationS: Math.round(generationMs / 100) / 10,
    recordsPerSec,
    cpuUsPerRecord: Math.round((inProcess.cpuMicros / records) * 100) / 100,
    csvWriteMs: Math.round(inProcess.writeMs),
    rows: inProcess.rows,
    rowBound,
    stats: inProcess.stats,
    heapAtWarmupMB: megabytes(warmup.heapUsedBytes),
    heapAtEndMB: megabytes(atEnd.heapUsedBytes),
    heapGrowthAfterWarmupMB: megabytes(growthBytes),
    growthPerRecordAfterWarmupBytes: Math.round((growthBytes / (records - warmup.records)) * 100) / 100,
    boundMB: megabytes(HEAP_BOUND_BYTES),
    checkpoints: checkpoints.map((checkpoint) => [checkpoint.records, megabytes(checkpoint.heapUsedBytes), checkpoint.rows]),
    checkpointsColumns: ['records', 'heapUsed MB after GC', 'FOCUS rows so far'],
    figure: `growth after ${warmup.records.toLocaleString('en-US')} records ${megabytes(growthBytes)} MB (bound ${megabytes(HEAP_BOUND_BYTES)} MB); ${recordsPerSec.toLocaleString('en-US')} records/s; ${inProcess.rows.toLocaleString('en-US')} rows`,
    target: `heap growth after the first ${warmup.records.toLocaleString('en-US')} records ≤ ${megabytes(HEAP_BOUND_BYTES)} MB (< 4.7 B per record; rows ≤ ${rowBound.toLocaleString('en-US')})`,
    met: growthBytes <= HEAP_BOUND_BYTES && inProcess.rows <= rowBound,
  }
  const seconds = (ms) => Math.round(ms / 100) / 10
  const cli = {
    oldSpaceCapMB: CLI_OLD_SPACE_MB,
    exitCode: cliWhole.code,
    ...(cliWhole.signal && { signal: cliWhole.signal }),
    ...(cliWhole.code !== 0 && { stderr: cliWhole.stderr.slice(-2000) }),
    rows: cliRows,
    expectedRows: inProcess.rows,
    wholeLedger: { records, wallS: seconds(cliWhole.wallMs), recordsPerSec: Math.round((records / cliWhole.wallMs) * 1000), peakRssMB: cliWhole.peakRssBytes === undefined ? undefined : megabytes(cliWhole.peakRssBytes) },
    firstTenth: { records: records / 10, exitCode: cliTenth.code, wallS: seconds(cliTenth.wallMs), peakRssMB: cliTenth.peakRssBytes === undefined ? undefined : megabytes(cliTenth.peakRssBytes) },
    figure:
      cliWhole.code === 0
        ? `peak RSS ${megabytes(cliWhole.peakRssBytes)} MB for ${records.toLocaleString('en-US')} records vs ${megabytes(cliTenth.peakRssBytes)} MB for ${(records / 10).toLocaleString('en-US')}; ${seconds(cliWhole.wallMs)} s`
        : `exit ${cliWhole.code ?? cliWhole.signal}`,
    target: `the built CLI converts all ${records.toLocaleString('en-US')} records with --max-old-space-size=${CLI_OLD_SPACE_MB} and writes the same ${inProcess.rows.toLocaleString('en-US')} rows`,
    met: cliWhole.code === 0 && cliRows === inProcess.rows,
  }
  return { [`${scenario.name}.heap`]: heap, [`${scenario.name}.cli`]: cli }
}

/** Data lines of a CSV whose fields hold no line breaks (FOCUS rows here): lines minus the header. */
function csvDataLines(path) {
  const text = readFileSync(path, 'utf8')
  let lines = 0
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines++
  return lines - 1
}
