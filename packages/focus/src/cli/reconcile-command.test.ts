import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { openaiReportRows, reconcileLedger } from '../reconcile/reconcile-fixture.js'
import { runCli } from './run-cli.js'
import { writeLedger } from './sample-ledger.js'

let provider: FakeProvider
const adminKey = 'sk-admin-cli-secret'
const previousKey = process.env.OPENAI_ADMIN_KEY
const ledger = writeLedger(reconcileLedger)

async function run(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } })
  return { code, stdout, stderr }
}
const reconcileArgs = () => ['reconcile', '--provider', 'openai', '--from', '2026-11-02', '--to', '2026-11-04', '--ledger', ledger, '--project', 'proj_app', '--api-key-id', 'key_app', '--base-url', provider.openaiBaseURL]

beforeAll(async () => {
  provider = await fakeProvider()
  process.env.OPENAI_ADMIN_KEY = adminKey
})
afterAll(async () => {
  if (previousKey === undefined) delete process.env.OPENAI_ADMIN_KEY
  else process.env.OPENAI_ADMIN_KEY = previousKey
  await provider.close()
})
beforeEach(() => {
  provider.reset()
  provider.setOrganizationUsage({ rows: openaiReportRows })
})

describe('finops-ai reconcile', () => {
  it('prints the groups with their verdicts, the shadow spend with a hint, the price drift and the totals', async () => {
    const result = await run(...reconcileArgs())
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^2026-11-02\s+gpt-4o\s+proj_app\s+key_app\s+3600\s+0\.013500\s+3600\s+0\.013500\s+0\s+0\.000000\s+within tolerance$/m)
    expect(result.stdout).toMatch(/^2026-11-02\s+gpt-4o-mini\s+proj_app\s+key_app\s+25000\s+0\.007500\s+25000\s+0\.006000\s+0\s+-0\.001500\s+ledger low$/m)
    expect(result.stdout).toMatch(/^2026-11-03\s+gpt-4o-mini\s+proj_app\s+key_app\s+0\s+0\.000000\s+1100\s+0\.000210\s+\+1100\s+\+0\.000210\s+ledger only$/m)
    expect(result.stdout).toMatch(/^proj_batch\s+key_batch\s+text-embedding-3-small\s+2026-11-02\s+1\s+1000000\s+0\.020000$/m)
    expect(result.stdout).toContain('To cover it: wrap the client that makes these calls with withFinOps')
    expect(result.stdout).toMatch(/^2026-11-02\s+gpt-4o-mini\s+proj_app\s+key_app\s+0\.3\s+0\.24$/m)
    expect(result.stdout).toContain('total: provider 0.072500 USD, ledger 0.019710 USD, difference -0.052790 USD; shadow spend 0.051500 USD')
    expect(result.stdout).toContain('final groups: 1 within tolerance, 0 ledger high, 1 ledger low, 3 provider only, 1 ledger only; 0 partial')
    expect(result.stdout + result.stderr).not.toContain(adminKey)
  })

  it('prints JSON with --json and exits 4 with --fail-on-mismatch', async () => {
    const result = await run(...reconcileArgs(), '--json', '--fail-on-mismatch')
    expect(result.code).toBe(4)
    const json = JSON.parse(result.stdout) as { verdicts: Record<string, number>; shadowSpend: unknown[] }
    expect(json.verdicts).toEqual({ 'within-tolerance': 1, 'ledger-high': 0, 'ledger-low': 1, 'provider-only': 3, 'ledger-only': 1 })
    expect(json.shadowSpend).toHaveLength(3)
  })

  it('exits 3 with the HTTP status when a report cannot be fetched, 1 without an admin key, 2 on a bad command line', async () => {
    provider.failNext({ status: 401 })
    const failed = await run(...reconcileArgs(), '--max-retries', '0')
    expect(failed).toMatchObject({ code: 3, stdout: '' })
    expect(failed.stderr).toContain('cannot fetch the openai usage/completions report: HTTP 401')
    delete process.env.OPENAI_ADMIN_KEY
    try {
      expect(await run(...reconcileArgs())).toMatchObject({ code: 1, stderr: expect.stringContaining('set OPENAI_ADMIN_KEY') })
    } finally {
      process.env.OPENAI_ADMIN_KEY = adminKey
    }
    expect((await run('reconcile', '--provider', 'azure', '--from', '2026-11-02', '--to', '2026-11-04', ledger)).code).toBe(2)
    expect((await run('reconcile', '--provider', 'openai', '--from', '2026-11-02', '--to', '2026-11-04')).code).toBe(2)
    expect(await run(...reconcileArgs(), '--tolerance=-1')).toMatchObject({ code: 2, stderr: expect.stringContaining('--tolerance expects a number ≥ 0') })
    expect(await run('reconcile', '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('Usage: finops-ai reconcile') })
  })

  it('feeds its JSON to report --html (a reconciliation section) and to focus (the billed cost)', async () => {
    const json = join(dirname(ledger), 'reconcile.json')
    writeFileSync(json, (await run(...reconcileArgs(), '--json')).stdout)
    const html = join(dirname(ledger), 'report.html')
    expect(await run('report', ledger, '--html', html, '--reconciliation', json)).toMatchObject({ code: 0 })
    expect(readFileSync(html, 'utf8')).toContain('<h2>Reconciliation with the openai bill, 2026-11-02 – 2026-11-04</h2>')
    const csv = join(dirname(ledger), 'focus.csv')
    const focus = await run('focus', ledger, '-o', csv, '--reconciliation', json, '--validate')
    expect(focus).toMatchObject({ code: 0, stderr: expect.stringContaining('BilledCost from the openai report on 6 rows') })
    expect(focus.stderr).toContain('FOCUS validation passed')
    writeFileSync(join(dirname(ledger), 'bad.json'), '{"provider":"openai"}')
    expect(await run('focus', ledger, '--reconciliation', join(dirname(ledger), 'bad.json'))).toMatchObject({ code: 1, stderr: expect.stringContaining('is not the output of finops-ai reconcile --json') })
  })
})
