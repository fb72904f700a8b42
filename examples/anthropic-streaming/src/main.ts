import { pathToFileURL } from 'node:url'
import Anthropic from '@anthropic-ai/sdk'
import { withFinOps } from '@finops-ai/anthropic'
import { createFinOps, withAttribution, type UsageRecord } from '@finops-ai/core'
import { fakeProvider } from '@finops-ai/testing'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
}

const currency = 'EUR'
const eurPerUsd = 0.86
/** Money with up to six significant digits and no exponent (`6.9e-8` → `0.000000069`). */
const amount = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6, useGrouping: false })

/**
 * The demo: a streamed Claude answer over a long, cached system prompt. The fake provider reports
 * 1 800 tokens read from the prompt cache and 400 written with the 1-hour TTL; finops-ai adds
 * them to the input (Anthropic reports them apart), prices each at its own rate and prints the
 * normalized usage, the attribution and the cost in EUR with its breakdown and the exact USD
 * total. Returns the usage record.
 */
export async function run({ log = console.log }: RunOptions = {}): Promise<UsageRecord> {
  const provider = await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({ currency, exchangeRates: { EUR: eurPerUsd }, onUsage: (record) => void records.push(record) })
  const anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'no-key-needed' }), {
    finops,
    attribution: { team: 'docs' },
  })
  try {
    log(`\nAnthropic: a streamed message over a system prompt cached for 1 hour (keyless fake provider at ${provider.url})`)
    provider.setUsage({ cachedTokens: 1800, cacheWrite1hTokens: 400 })
    const stream = await withAttribution({ feature: 'manual-assistant', costCenter: 'CC-2001' }, async () =>
      anthropic.messages.stream({
        model: 'claude-sonnet-4-6',
        max_tokens: 256,
        system: [{ type: 'text', text: 'You answer questions about the product manual.', cache_control: { type: 'ephemeral', ttl: '1h' } }],
        messages: [{ role: 'user', content: 'How do I reset the device?' }],
      }),
    )
    let text = ''
    stream.on('text', (delta) => {
      text += delta
    })
    const message = await stream.finalMessage()
    await finops.flush()
    const record = records[0]
    if (!record) throw new Error('no usage record')
    log(`  answer: ${text}`)
    const { usage, cost, attribution } = record
    log(
      `  Anthropic reports input_tokens ${message.usage.input_tokens} apart from the cache reads (${message.usage.cache_read_input_tokens ?? 0}) ` +
        `and writes (${message.usage.cache_creation_input_tokens ?? 0}); finops-ai counts them all as input:`,
    )
    log(
      `  usage: input ${usage.inputTokens} (cache read ${usage.cacheReadTokens ?? 0}, ` +
        `cache write 5m ${usage.cacheWriteTokens ?? 0}, 1h ${usage.cacheWrite1hTokens ?? 0}), output ${usage.outputTokens}`,
    )
    log(`  attribution: ${Object.entries(attribution).map(([key, value]) => `${key}=${value}`).join(', ')}`)
    log(
      cost
        ? `  cost ${amount.format(cost.amount)} ${cost.currency} (input ${amount.format(cost.input)}, cache read ${amount.format(cost.cacheRead)}, cache write ${amount.format(cost.cacheWrite)}, ` +
            `output ${amount.format(cost.output)} ${cost.currency}); exactly ${amount.format(cost.usdNanos / 1e9)} USD = ${cost.usdNanos} nano-USD ` +
            `at 1 USD = ${eurPerUsd} ${currency}`
        : '  cost unknown: no price for this model',
    )
    return record
  } finally {
    await provider.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run()
}
