import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { pricedRecord } from '../savings/savings-fixture.js'
import type { Savings } from '../savings/savings-types.js'
import { runCli } from './run-cli.js'
import { writeLedger } from './sample-ledger.js'

async function run(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } })
  return { code, stdout, stderr }
}

// gpt-4o per 1M tokens: input $2.50, output $10, Batch API 50% off; gpt-4o-mini: input $0.15, output $0.60
// (https://platform.openai.com/docs/pricing, as bundled: price data of 2026-09-23, tier table read 2026-12-02).
const ledger = writeLedger([
  pricedRecord({ id: 'digest', startTime: '2026-11-28T02:00:00Z', attribution: { team: 'growth', feature: 'digest' }, usage: { inputTokens: 100_000, outputTokens: 20_000 } }),
  pricedRecord({ id: 'label', startTime: '2026-11-28T09:00:00Z', attribution: { team: 'support', feature: 'label' }, usage: { inputTokens: 1_000, outputTokens: 20 } }),
])

describe('finops-ai savings', () => {
  it('prints every section with its assumption and what to record', async () => {
    // $0.45 (digest) + $0.0027 (label) spent.
    const result = await run('savings', ledger, '--batch-features', 'digest')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Savings: 2 calls, 0\.4527 USD spent$/m)
    // digest: $0.45 at the standard tier, half of it at the batch price.
    expect(result.stdout).toContain('Batch / flex: non-interactive features at the standard tier: saving 0.2250 USD')
    expect(result.stdout).toMatch(/^assumption: Calls of features marked non-interactive \(attribution latency: batch, or digest\)/m)
    expect(result.stdout).toContain('To record:\n- Right-sizing:')
  })

  it('--json gives the whole analysis; --currency EUR --rate converts every amount', async () => {
    const result = await run('savings', ledger, '--batch-features', 'digest', '--json', '--currency', 'EUR', '--rate', '0.92')
    expect(result.code).toBe(0)
    const savings = JSON.parse(result.stdout) as Savings
    expect(savings.currency).toBe('EUR')
    expect(savings.batch.total).toBeCloseTo(0.225 * 0.92, 12)
    // label: 1,000 in / 20 out — gpt-4o $0.0025 + $0.0002, gpt-4o-mini $0.00015 + $0.000012.
    // digest's 20,000-token output is not short: only label is right-sized.
    expect(savings.rightSizing.rows.map((row) => row.feature)).toEqual(['label'])
    expect(savings.rightSizing.total).toBeCloseTo((0.0027 - 0.000162) * 0.92, 12)
  })

  it('restricts to one team and rejects a team no record has with a did-you-mean (exit 1)', async () => {
    const support = JSON.parse((await run('savings', ledger, '--team', 'support', '--json')).stdout) as Savings
    expect(support).toMatchObject({ team: 'support', calls: 1, teams: ['growth', 'support'] })
    expect(await run('savings', ledger, '--team', 'suport')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "finops-ai savings: --team: no record has the team 'suport'; did you mean 'support'? Teams in these records: growth, support\n",
    })
    expect((await run('savings', ledger, '--feature', 'digset')).stderr).toContain("did you mean 'digest'?")
  })

  it('reads sibling overrides from a file and rejects a malformed one (exit 1)', async () => {
    const siblings = join(dirname(ledger), 'siblings.json')
    writeFileSync(siblings, JSON.stringify({ 'gpt-4o': 'gpt-4.1-nano' }))
    const result = JSON.parse((await run('savings', ledger, '--siblings', siblings, '--json')).stdout) as Savings
    expect(result.rightSizing.rows[0]).toMatchObject({ feature: 'label', sibling: 'gpt-4.1-nano' })
    writeFileSync(siblings, JSON.stringify({ 'gpt-4o': 4 }))
    expect(await run('savings', ledger, '--siblings', siblings)).toMatchObject({ code: 1, stderr: expect.stringContaining('"gpt-4o": expected the cheaper model\'s name, got 4') })
  })

  it('prints what the worked example of docs/optimisation.md shows for its ledger', async () => {
    const page = readFileSync(fileURLToPath(new URL('../../../../docs/optimisation.md', import.meta.url)), 'utf8')
    const block = (language: string) => page.match(new RegExp(`\`\`\`${language}\n([^]*?)\`\`\``))![1]!
    const example = join(dirname(ledger), 'docs-usage.jsonl')
    writeFileSync(example, block('jsonl'))
    const [command] = page.match(/^finops-ai savings usage\.jsonl.*$/m)!
    const result = await run(...command.replace('finops-ai ', '').replace('usage.jsonl', example).split(' '))
    expect(result.code).toBe(0)
    const lines = new Set(result.stdout.split('\n'))
    expect(block('text').split('\n').filter((line) => line !== '' && !lines.has(line))).toEqual([])
  })

  it('exits 2 without a ledger or with a wrong option, and 1 for a currency without a rate', async () => {
    expect(await run('savings')).toMatchObject({ code: 2, stderr: expect.stringContaining('Usage: finops-ai savings') })
    expect((await run('savings', ledger, '--short-output', 'many')).code).toBe(2)
    expect((await run('savings', ledger, '--bogus')).code).toBe(2)
    expect(await run('savings', ledger, '--currency', 'EUR')).toMatchObject({ code: 1, stderr: expect.stringContaining('pass --rate <EUR per USD>') })
  })
})
