import { describe, expect, it } from 'vitest'
import { parseFocusCsv } from '../focus/parse-focus-csv.js'
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

describe('finops-ai focus', () => {
  it('writes no charge for response-cache hits and says how many it left out', async () => {
    const usage = { inputTokens: 1_000, outputTokens: 100 }
    const sent = pricedRecord({ id: 'sent', startTime: '2026-11-28T09:00:00Z', usage })
    const hit = usageRecord({ id: 'hit', startTime: '2026-11-28T09:01:00Z', usage, cost: usdCost(0), cacheHit: { costAvoided: sent.cost } })
    const result = await run('focus', writeLedger([sent, hit]))
    expect(result.code).toBe(0)
    // One input and one output row, each of the sent call only: 1,000 × $2.50 and 100 × $10 per 1M.
    const { rows } = parseFocusCsv(result.stdout)
    expect(rows.map((row) => [row.x_Meter, row.ConsumedQuantity, row.BilledCost, row.x_CallCount])).toEqual([
      ['input', '1000', '0.0025', '1'],
      ['output', '100', '0.001', '1'],
    ])
    expect(result.stderr).toBe('2 FOCUS rows from 2 records; 1 response-cache hits (no charge)\n')
  })
})
