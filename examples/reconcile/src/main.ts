import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { createFinOps } from '@finops-ai/core'
import { jsonlUsageSink, readUsageRecords, reconcile, renderReconciliation, type Reconciliation } from '@finops-ai/focus'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type OrganizationUsageRow } from '@finops-ai/testing'
import OpenAI from 'openai'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
}

const support = { projectId: 'proj_support', apiKeyId: 'key_support' }

/**
 * What OpenAI's usage and cost reports say about 2026-11-02 to 11-04, seeded into the fake
 * provider: the support service's own calls (gpt-4o-mini billed at 1.20 USD per million output
 * tokens, while the price table says 0.60), a key of the same project the service never used, a
 * nightly batch job in another project, and nothing yet for 11-04.
 */
const report: OrganizationUsageRow[] = [
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-2024-08-06', ...support, requests: 3, inputTokens: 27, outputTokens: 48, inputCostUsd: 0.0000675, outputCostUsd: 0.00048 },
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-mini-2024-07-18', ...support, requests: 2, inputTokens: 18, outputTokens: 32, inputCostUsd: 0.0000027, outputCostUsd: 0.0000384 },
  { provider: 'openai', day: '2026-11-02', model: 'gpt-4o-mini-2024-07-18', projectId: 'proj_support', apiKeyId: 'key_leaked', requests: 40, inputTokens: 4000, outputTokens: 2000, inputCostUsd: 0.0006, outputCostUsd: 0.0024 },
  { provider: 'openai', day: '2026-11-03', model: 'gpt-4o-2024-08-06', ...support, requests: 2, inputTokens: 18, outputTokens: 32, inputCostUsd: 0.000045, outputCostUsd: 0.00032 },
  { provider: 'openai', day: '2026-11-03', model: 'gpt-4o-2024-08-06', projectId: 'proj_nightly', apiKeyId: 'key_nightly', requests: 10, inputTokens: 50_000, outputTokens: 5000, inputCostUsd: 0.125, outputCostUsd: 0.05 },
]

/**
 * The demo: a support service whose wrapped OpenAI client writes a usage ledger (JSONL) over three
 * days; then `reconcile` reads OpenAI's organisation usage and cost reports (here from the fake
 * provider) and checks the ledger against them: verdicts per day × model × project × key, the
 * spend that bypassed the service, and the price drift.
 */
export async function run({ log = console.log }: RunOptions = {}): Promise<Reconciliation> {
  const provider = await fakeProvider()
  const ledger = join(mkdtempSync(join(tmpdir(), 'finops-reconcile-')), 'usage.jsonl')
  let now = Date.parse('2026-11-02T09:00:00Z')
  const sink = jsonlUsageSink({ path: ledger })
  const finops = createFinOps({ onUsage: sink, clock: () => now })
  const openai = withFinOps(new OpenAI({ apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL }), { finops, attribution: { team: 'support' } })
  const ask = (model: string) => openai.chat.completions.create({ model, messages: [{ role: 'user', content: 'Where is my parcel? It was due on Monday.' }] })
  try {
    log('1. the support service calls OpenAI through withFinOps, writing usage.jsonl (in a temporary directory)')
    for (const [day, calls] of [['2026-11-02', ['gpt-4o', 'gpt-4o', 'gpt-4o', 'gpt-4o-mini', 'gpt-4o-mini']], ['2026-11-03', ['gpt-4o', 'gpt-4o']], ['2026-11-04', ['gpt-4o']]] as const) {
      now = Date.parse(`${day}T09:00:00Z`)
      for (const model of calls) await ask(model)
      log(`   ${day}: ${calls.length} call${calls.length === 1 ? '' : 's'}`)
    }
    await finops.flush()
    sink.close()

    log("2. OpenAI's usage and cost reports (seeded into the fake provider) are read with an admin key and compared\n")
    provider.setOrganizationUsage({ rows: report })
    const result = await reconcile({
      provider: 'openai',
      from: '2026-11-02',
      to: '2026-11-05',
      records: readUsageRecords([ledger]),
      ledger: { project: 'proj_support', apiKeyId: 'key_support' },
      adminKey: 'sk-admin-demo',
      baseURL: provider.openaiBaseURL,
      now: new Date('2026-11-04T12:00:00Z'),
    })
    log(renderReconciliation(result))
    return result
  } finally {
    await provider.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
