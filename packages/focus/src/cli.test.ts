import { execFileSync, spawn, spawnSync } from 'node:child_process'
import { existsSync, readFileSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { sampleRecords, writeLedger } from './cli/sample-ledger.js'

const dist = fileURLToPath(new URL('../dist/', import.meta.url))
const cli = join(dist, 'cli.js')

describe('the built finops-ai bin (child process)', () => {
  it('exists with a node shebang (run the package build first)', () => {
    expect(existsSync(cli), `${cli} is missing: run npx --yes pnpm@12.4.2 --filter @finops-ai/focus build`).toBe(true)
    expect(readFileSync(cli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true)
  })

  // Four child processes: seconds each on a loaded machine.
  it('converts a ledger to a validated FOCUS CSV and reports exit codes', { timeout: 60_000 }, () => {
    const ledger = writeLedger(sampleRecords(40), 'garbage\n')
    const output = join(dirname(ledger), 'focus.csv')
    const result = spawnSync(process.execPath, [cli, 'focus', ledger, '-o', output, '--validate'], { encoding: 'utf8' })
    expect(result.stderr).toContain(`${ledger}:41: skipped: invalid JSON`)
    expect(result.stderr).toContain('FOCUS validation passed')
    expect(result.status).toBe(0)
    expect(statSync(output).size).toBeGreaterThan(0)
    expect(spawnSync(process.execPath, [cli, 'focus', ledger, '--strict'], { encoding: 'utf8' }).status).toBe(1)
    expect(spawnSync(process.execPath, [cli, 'nope'], { encoding: 'utf8' }).status).toBe(2)
    expect(execFileSync(process.execPath, [cli, 'report', ledger, '--by', 'feature'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).toMatch(/^total\s+40\s/m)
  })

  it('the sink writes its buffer synchronously when the process exits', () => {
    const ledger = writeLedger([])
    const [record] = sampleRecords(1)
    const script = `import { jsonlUsageSink } from ${JSON.stringify(join(dist, 'index.js'))}
const sink = jsonlUsageSink({ path: ${JSON.stringify(ledger)}, flushIntervalMs: 60000 })
sink(${JSON.stringify(record)})
process.exit(0)`
    execFileSync(process.execPath, ['--input-type=module', '-e', script])
    expect(JSON.parse(readFileSync(ledger, 'utf8')).id).toBe('call-0')
  })
})

describe('the built finops-ai bin on failures (child process)', () => {
  it('ends quietly with exit 0 when its stdout is closed early, as in | head', { timeout: 60_000 }, async () => {
    // 2000 hourly FOCUS rows are megabytes: far more than a pipe buffers, so writes go on after the close.
    const ledger = writeLedger(sampleRecords(2000))
    const child = spawn(process.execPath, [cli, 'focus', ledger, '--granularity', 'hour'], { stdio: ['ignore', 'pipe', 'pipe'] })
    let stderr = ''
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.stdout.once('data', () => child.stdout.destroy())
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve))
    expect(stderr).not.toContain('EPIPE')
    expect(stderr).not.toMatch(/^\s+at /m)
    expect(code).toBe(0)
  })

  it('reports an unwritable --html file in one line with exit 5, without a stack trace', { timeout: 60_000 }, () => {
    const ledger = writeLedger(sampleRecords(5))
    const result = spawnSync(process.execPath, [cli, 'report', ledger, '--html', '/nonexistent/dir/r.html'], { encoding: 'utf8' })
    expect(result.stderr).toBe('finops-ai report: cannot write /nonexistent/dir/r.html: no such file or directory (ENOENT)\n')
    expect(result.status).toBe(5)
  })
})
