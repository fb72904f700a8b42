import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { usageRecord, usdCost } from '../focus/usage-record-fixture.js'
import { pricedRecord } from '../savings/savings-fixture.js'
import { runCli } from './run-cli.js'
import { writeLedger } from './sample-ledger.js'

async function run(...args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: { write: (text: string) => (stdout += text) }, stderr: { write: (text: string) => (stderr += text) } })
  return { code, stdout, stderr }
}

// gpt-4o per 1M tokens: input $2.50, output $10 (https://platform.openai.com/docs/pricing, as bundled: price data of 2026-09-23).
const support = { policyKeys: ['support-monthly'] }
const ledger = writeLedger([
  // $0.0027
  pricedRecord({ ...support, id: 'label-1', startTime: '2026-11-27T09:00:00Z', attribution: { team: 'support', feature: 'label' }, usage: { inputTokens: 1_000, outputTokens: 20 } }),
  // $0.025 + $0.005 = $0.03
  pricedRecord({ ...support, id: 'rag-1', startTime: '2026-11-28T09:00:00Z', attribution: { team: 'support', feature: 'rag' }, usage: { inputTokens: 10_000, outputTokens: 500 } }),
  // $0.45
  pricedRecord({ policyKeys: ['growth-monthly'], id: 'digest-1', startTime: '2026-11-28T02:00:00Z', attribution: { team: 'growth', feature: 'digest' }, usage: { inputTokens: 100_000, outputTokens: 20_000 } }),
])
const policies = join(dirname(ledger), 'policies.yaml')
writeFileSync(
  policies,
  [
    'policies:',
    '  - key: support-monthly',
    '    match: { team: support }',
    '    limits: { budget: { period: monthly, soft_limit_usd: 0.02, hard_limit_usd: 1 } }',
    '  - key: growth-monthly',
    '    match: { team: growth }',
    '    limits: { budget: { period: monthly, hard_limit_usd: 5 } }',
    '',
  ].join('\n'),
)

describe('finops-ai report --team', () => {
  it("gives one team its spend by feature, its budgets, its most expensive calls and its savings", async () => {
    const result = await run('report', ledger, '--team', 'support', '--policies', policies)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^feature\s+calls\s+input tokens\s+output tokens\s+spend USD\s+share$/m)
    expect(result.stdout).toMatch(/^total\s+2\s+11000\s+520\s+0\.0327\s+100\.0%$/m)
    expect(result.stdout).toContain('Budgets these calls counted against:\nsupport-monthly (monthly, 2026-11-01 – 2026-12-01): spent 0.0327 of soft 0.0200 / hard 1.0000 USD\n')
    expect(result.stdout).not.toContain('growth-monthly')
    expect(result.stdout).toMatch(/Most expensive calls:\n.*\n.*\n2026-11-28T09:00:00Z\s+rag-1\s.*0\.0300\n2026-11-27T09:00:00Z\s+label-1\s.*0\.0027\n/)
    expect(result.stdout).toContain('Savings for team support: 2 calls, 0.0327 USD spent')
    expect(result.stdout).not.toContain('digest')
  })

  it('rejects a team or feature no record has with a did-you-mean and prints nothing (exit 1)', async () => {
    expect(await run('report', ledger, '--team', 'suport')).toMatchObject({
      code: 1,
      stdout: '',
      stderr: "finops-ai report: --team: no record has the team 'suport'; did you mean 'support'? Teams in these records: growth, support\n",
    })
    expect(await run('report', ledger, '--feature', 'lable')).toMatchObject({ code: 1, stderr: expect.stringContaining("did you mean 'label'?") })
  })

  it('--feature selects one feature, and --html adds the top calls and the savings to the page', async () => {
    const html = join(dirname(ledger), 'digest.html')
    const result = await run('report', ledger, '--feature', 'digest', '--html', html)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^digest\s+1\s/m)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<title>finops-ai spend report: feature digest</title>')
    expect(page).toContain('<section id="top-calls"><h2>Most expensive calls</h2>')
    expect(page).toContain('<section id="savings"><h2>Savings (USD)</h2>')
  })

  it('adds the savings of every team to the HTML report without --team', async () => {
    const html = join(dirname(ledger), 'all.html')
    expect((await run('report', ledger, '--html', html)).code).toBe(0)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<section id="savings">')
    expect(page).not.toContain('id="top-calls"')
  })
})

describe('finops-ai report with response-cache hits', () => {
  // A hit: no provider request, zero cost, and the cost the engine priced its replayed usage at.
  const hit = (id: string, startTime: string) =>
    usageRecord({ id, startTime, attribution: { team: 'support', feature: 'faq' }, usage: { inputTokens: 1_000, outputTokens: 100 }, cost: usdCost(0), cacheHit: { costAvoided: usdCost(3_500_000) } })
  const cached = writeLedger([
    // 1,000 × $2.50 + 100 × $10 per 1M = $0.0035
    pricedRecord({ id: 'faq-1', startTime: '2026-11-28T09:00:00Z', attribution: { team: 'support', feature: 'faq' }, usage: { inputTokens: 1_000, outputTokens: 100 } }),
    hit('faq-2', '2026-11-28T09:01:00Z'),
    hit('faq-3', '2026-11-28T09:02:00Z'),
    // $0.25 + $0.20 = $0.45
    pricedRecord({ id: 'digest-1', startTime: '2026-11-28T02:00:00Z', attribution: { team: 'growth', feature: 'digest' }, usage: { inputTokens: 100_000, outputTokens: 20_000 } }),
  ])

  it('counts hits as calls without tokens or spend and shows the cost they avoided per group', async () => {
    const result = await run('report', cached)
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^team\s+calls\s+input tokens\s+output tokens\s+spend USD\s+share\s+cache hits\s+avoided USD$/m)
    expect(result.stdout).toMatch(/^support\s+3\s+1000\s+100\s+0\.0035\s+0\.8%\s+2\s+0\.0070$/m)
    expect(result.stdout).toMatch(/^growth\s+1\s+100000\s+20000\s+0\.4500\s+99\.2%\s+0\s+0\.0000$/m)
    expect(result.stdout).toMatch(/^total\s+4\s+101000\s+20100\s+0\.4535\s+100\.0%\s+2\s+0\.0070$/m)
    expect(result.stdout).toContain('response cache: 2 calls answered without the provider, 0.0070 USD avoided (not in spend; their tokens are not counted)\n')
  })

  it("adds the response-cache lever to a team's savings and the hits to the HTML report", async () => {
    const html = join(dirname(cached), 'cached.html')
    const result = await run('report', cached, '--team', 'support', '--html', html)
    expect(result.code).toBe(0)
    expect(result.stdout).toContain('Response cache: calls answered without the provider: saved 0.0070 USD\n')
    expect(result.stdout).toMatch(/^support\s+faq\s+3\s+2\s+66\.7%\s+0\.0035\s+0\.0070$/m)
    const page = readFileSync(html, 'utf8')
    expect(page).toContain('<div class="kpi" id="response-cache">Avoided by the response cache (2 hits)<b>0.0070 USD</b></div>')
    expect(page).toContain('<th>cache hits</th><th>avoided (USD)</th>')
    expect(page).toContain('<td>faq</td><td>3</td><td>1,000</td><td>100</td><td>0.0035</td><td>100.0%</td><td>2</td><td>0.0070</td>')
    expect(page).toContain('<h3 id="savings-response-cache">Response cache: calls answered without the provider: <b>saved 0.0070 USD</b></h3>')
  })

  it('leaves the response-cache columns out of a ledger without hits and names what to turn on', async () => {
    const result = await run('report', ledger, '--team', 'support')
    expect(result.stdout).not.toContain('cache hits')
    expect(result.stdout).toContain('- Response cache: no call was answered by the response cache.')
  })
})
