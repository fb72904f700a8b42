import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { validateFocusCsv } from '../focus/validate-focus-csv.js'
import { runCli } from './run-cli.js'
import { sampleRecords, writeLedger } from './sample-ledger.js'

async function run(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } })
  return { code, stdout, stderr }
}

const ledger = writeLedger(sampleRecords(60), '{"id":"broken"\n\n{"startTime":"2026-11-02T00:00:00Z","provider":"openai"}\n')

describe('finops-ai CLI', () => {
  it('prints help and exits 2 without a command or with an unknown one', async () => {
    expect((await run()).code).toBe(2)
    expect(await run('frobnicate')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown command 'frobnicate'") })
    expect(await run('--help')).toMatchObject({ code: 0, stdout: expect.stringContaining('check-policies <file>') })
    for (const command of ['report', 'savings', 'focus', 'prices', 'check-policies', 'reconcile']) {
      expect(await run(command, '--help')).toMatchObject({ code: 0, stdout: expect.stringContaining(`Usage: finops-ai ${command}`) })
    }
  })

  it('report prints spend, tokens, calls and the unallocated share, reporting malformed lines as file:line', async () => {
    const result = await run('report', ledger, '--by', 'team,feature')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^team\s+feature\s+calls\s+input tokens\s+output tokens\s+spend USD\s+share$/m)
    expect(result.stdout).toMatch(/^total\s+60\s/m)
    expect(result.stdout).toMatch(/^unallocated: 9 calls, [\d.]+ USD \([\d.]+% of spend\)$/m)
    expect(result.stderr).toContain(`${ledger}:61: skipped: invalid JSON`)
    expect(result.stderr).toContain(`${ledger}:63: skipped: model is missing`)
    expect(result.stderr).toContain('skipped 2 malformed lines')
  })

  it('report rejects a --by key no record has with a did-you-mean, and warns for a well-known one', async () => {
    expect(await run('report', ledger, '--by', 'tema')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: expect.stringContaining("finops-ai report: --by: no record has the attribution key 'tema'; did you mean 'team'? Keys in these records: feature, team, user\n"),
    })
    const costCenter = await run('report', ledger, '--by', 'costCenter')
    expect(costCenter.code).toBe(0)
    expect(costCenter.stderr).toContain("warning: no record has the attribution key 'costCenter'; every call is under (none)")
  })

  it('report --strict fails with exit 1 at the first malformed line', async () => {
    expect(await run('report', ledger, '--strict')).toMatchObject({ code: 1, stderr: expect.stringContaining(`${ledger}:61: invalid JSON`) })
  })

  it('report filters by --from/--to and rejects bad dates and currencies without a rate', async () => {
    const result = await run('report', ledger, '--from', '2026-11-02', '--to', '2026-11-03')
    expect(result.stdout).toMatch(/^total\s+10\s/m)
    expect((await run('report', ledger, '--from', 'yesterday')).code).toBe(2)
    expect(await run('report', ledger, '--currency', 'EUR')).toMatchObject({ code: 1, stderr: expect.stringContaining('--rate') })
    expect((await run('report', ledger, '--currency', 'EUR', '--rate', '0.86')).stdout).toContain('spend EUR')
    expect(await run('report', join(dirname(ledger), 'missing.jsonl'))).toMatchObject({ code: 1, stderr: expect.stringContaining('cannot read') })
  })

  it('focus writes a valid FOCUS CSV and its metadata, and --validate passes', async () => {
    const output = join(dirname(ledger), 'focus.csv')
    const metadata = join(dirname(ledger), 'focus-metadata.json')
    const result = await run('focus', ledger, '-o', output, '--granularity', 'hour', '--validate', '--metadata', metadata)
    expect(result).toMatchObject({ code: 0, stderr: expect.stringContaining('FOCUS validation passed') })
    expect(validateFocusCsv(readFileSync(output, 'utf8')).valid).toBe(true)
    expect(JSON.parse(readFileSync(metadata, 'utf8')).FocusVersion).toBe('1.3')
    expect(await run('focus', ledger, '--granularity', 'week')).toMatchObject({ code: 2 })
  })

  it('focus exits 1 on invalid price overrides before writing anything', async () => {
    const output = join(dirname(ledger), 'focus-bad.csv')
    const prices = join(dirname(ledger), 'prices.json')
    writeFileSync(prices, JSON.stringify({ 'gpt-4o': { input: -1, output: 10 } }))
    expect(await run('focus', ledger, '-o', output, '--prices', prices)).toMatchObject({ code: 1, stderr: expect.stringContaining('invalid price overrides') })
    expect(existsSync(output)).toBe(false)
  })

  it('prices shows the resolved entry with its source and date; unknown models exit 1', async () => {
    const result = await run('prices', 'gpt-4o', '--provider', 'openai', '--at', '2026-11-28')
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('source: genai-prices')
    expect(result.stdout).toContain('price at: 2026-11-28T00:00:00.000Z')
    expect(result.stdout).toMatch(/^ {2}output\s+10 USD \/ 1M tokens$/m)
    expect(JSON.parse((await run('prices', 'gpt-4o', '--json', '--tier', 'batch')).stdout).usdPerMillionTokens.output).toBe('5')
    expect((await run('prices', 'no-such-model-xyz')).code).toBe(1)
  })

  it('check-policies prints what a valid file enforces and every error of an invalid one', async () => {
    const folder = dirname(ledger)
    writeFileSync(join(folder, 'ok.yaml'), 'policies:\n  - key: support-rag\n    match: { feature: support-rag }\n    per: user\n    limits:\n      requests_per_minute: 120\n      budget: { period: monthly, soft_limit_eur: 5000, hard_limit_eur: 6000 }\n')
    const ok = await run('check-policies', join(folder, 'ok.yaml'))
    expect(ok).toMatchObject({ code: 0 })
    expect(ok.stdout).toContain('support-rag: calls with feature=support-rag, per user: 120 requests/min; monthly budget: soft 5000 EUR (alert), hard 6000 EUR (reject)')
    writeFileSync(join(folder, 'bad.yaml'), 'policies:\n  - key: a\n    limits: { budget: { period: yearly } }\n  - key: a\n')
    const bad = await run('check-policies', join(folder, 'bad.yaml'))
    expect(bad.code).toBe(1)
    expect(bad.stderr).toContain('policies[0].limits.budget.period')
    expect(bad.stderr).toContain("policies[1].key: duplicate key 'a'")
  })

  it('check-policies flags per: and match: keys that are not attribution keys, unless declared', async () => {
    const file = join(dirname(ledger), 'scope.yaml')
    writeFileSync(file, "policies:\n  - key: a\n    per: usr\n    match: { tenant: acme }\n    limits: { requests_per_minute: 5 }\n")
    const flagged = await run('check-policies', file)
    expect(flagged.code).toBe(1)
    expect(flagged.stderr).toContain("policies[0].per: 'usr' is not a known attribution key")
    expect(flagged.stderr).toContain("did you mean 'user'?")
    expect(flagged.stderr).toContain("policies[0].match.tenant: 'tenant' is not a known attribution key")
    const declared = await run('check-policies', file, '--attribution-keys', 'tenant,usr')
    expect(declared).toMatchObject({ code: 0 })
    expect(declared.stdout).toContain('a: calls with tenant=acme, per usr: 5 requests/min')
  })
})
