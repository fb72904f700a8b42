import { createWriteStream } from 'node:fs'
import { once } from 'node:events'

/** The models of a bench ledger: all priced by the bundled genai-prices data. */
export const LEDGER_MODELS = Object.freeze([
  ['openai', 'gpt-4o'],
  ['openai', 'gpt-4o-mini'],
  ['anthropic', 'claude-haiku-4-5'],
  ['anthropic', 'claude-sonnet-4-5'],
])
const TEAMS = ['support', 'search', 'growth']
const FEATURES = ['rag', 'chat', 'summaries', 'triage']
const LEDGER_START = Date.UTC(2026, 10, 1)

/**
 * The most FOCUS rows a ledger of {@link writeUsageLedger} can produce at day granularity with the
 * default tags (all attribution keys but `user`): days × models × (team × feature tag sets +
 * feature-only tag sets of unallocated calls) × meters (input, cached input, output).
 */
export function ledgerRowBound(days) {
  return days * LEDGER_MODELS.length * (TEAMS.length * FEATURES.length + FEATURES.length) * 3
}

/** A deterministic 32-bit PRNG (mulberry32): the same ledger on every run. */
function randomSource(seed) {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = state
    value = Math.imul(value ^ (value >>> 15), value | 1)
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61)
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * Writes `records` usage records (`UsageRecord` of @finops-ai/core, one JSON object per line, as
 * `jsonlUsageSink` writes them) to `path`, streaming. Calls are spread evenly and in time order
 * over `days` days from 2026-11-01 UTC, over the {@link LEDGER_MODELS}, 3 teams × 4 features,
 * `users` distinct end users (an attribution key FOCUS leaves out of `Tags`); every 10th call is
 * unallocated (feature only), 1 % fail, 0.5 % are denied (no usage, no cost). Costs are computed
 * with `priceBook` (core's `createPriceBook()`, as the engine prices calls), so a FOCUS conversion
 * with the same book reproduces them. `firstLinesPath` also gets the first `firstLines` lines.
 * Resolves the number of bytes written to `path`.
 */
export async function writeUsageLedger({ path, records, days, users, priceBook, firstLinesPath, firstLines = 0 }) {
  if (firstLinesPath !== undefined && !(firstLines > 0 && firstLines <= records)) throw new RangeError('firstLines must be within 1..records')
  const random = randomSource(20261128)
  const prices = LEDGER_MODELS.map(([provider, model]) => priceBook.resolve(provider, model, new Date(LEDGER_START)))
  if (prices.includes(null)) throw new Error('the price book knows no price for a ledger model')
  const stepMs = (days * 86_400_000) / records
  const output = createWriteStream(path)
  const prefix = firstLinesPath === undefined ? undefined : createWriteStream(firstLinesPath)
  let bytes = 0
  let chunk = ''
  for (let index = 0; index < records; index++) {
    const which = Math.floor(random() * LEDGER_MODELS.length)
    const [provider, model] = LEDGER_MODELS[which]
    const feature = FEATURES[Math.floor(random() * FEATURES.length)]
    const unallocated = index % 10 === 9
    const attribution = unallocated
      ? { feature }
      : { team: TEAMS[Math.floor(random() * TEAMS.length)], feature, user: `user-${Math.floor(random() * users)}` }
    const roll = random()
    const status = roll < 0.005 ? 'denied' : roll < 0.015 ? 'error' : 'ok'
    const inputTokens = status === 'denied' ? 0 : 200 + Math.floor(random() * 3800)
    const cacheReadTokens = status === 'denied' || random() < 0.5 ? 0 : Math.floor(inputTokens * 0.4)
    const outputTokens = status === 'denied' ? 0 : 20 + Math.floor(random() * 780)
    const usage = cacheReadTokens === 0 ? { inputTokens, outputTokens } : { inputTokens, cacheReadTokens, outputTokens }
    let cost = null
    if (status !== 'denied') {
      const nanos = prices[which].cost(usage)
      cost = {
        amount: nanos.totalNanos / 1e9,
        input: nanos.inputNanos / 1e9,
        cacheRead: nanos.cacheReadNanos / 1e9,
        cacheWrite: nanos.cacheWriteNanos / 1e9,
        output: nanos.outputNanos / 1e9,
        request: nanos.requestNanos / 1e9,
        currency: 'USD',
        usdNanos: nanos.totalNanos,
        source: prices[which].source,
      }
    }
    const record = {
      id: `call-${index}`,
      startTime: new Date(LEDGER_START + Math.floor(index * stepMs)).toISOString(),
      durationMs: 300 + (index % 900),
      provider,
      operation: 'chat',
      model,
      ...(status === 'ok' && { responseModel: model }),
      stream: index % 3 === 0,
      attribution,
      unallocated,
      usage,
      estimated: false,
      cost,
      policyKeys: status === 'denied' ? ['team-budget'] : [],
      status,
      ...(status !== 'ok' && { errorType: status === 'denied' ? 'budget' : 'APIConnectionError' }),
    }
    chunk += `${JSON.stringify(record)}\n`
    if (index + 1 === firstLines) prefix?.end(chunk)
    if (chunk.length >= 1 << 16 || index + 1 === records) {
      if (prefix !== undefined && index + 1 < firstLines) prefix.write(chunk)
      bytes += Buffer.byteLength(chunk)
      if (!output.write(chunk)) await once(output, 'drain')
      chunk = ''
    }
  }
  output.end()
  await once(output, 'close')
  if (prefix !== undefined && !prefix.closed) await once(prefix, 'close')
  return bytes
}
