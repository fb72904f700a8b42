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

/**
 * The demo: a streamed Claude answer over a long, cached system prompt. The fake provider reports
 * 1 800 tokens read from the prompt cache and 400 written with the 1-hour TTL; finops-ai adds
 * them to the input (Anthropic reports them apart), prices each at its own rate and prints the
 * usage record. Returns that record.
 */
export async function run({ log = console.log }: RunOptions = {}): Promise<UsageRecord> {
  const provider = await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({ onUsage: (record) => void records.push(record) })
  const anthropic = withFinOps(new Anthropic({ baseURL: provider.anthropicBaseURL, apiKey: 'no-key-needed' }), {
    finops,
    attribution: { team: 'docs' },
  })
  try {
    log(`\nAnthropic: a streamed message with prompt caching (fake provider at ${provider.url})`)
    provider.setUsage({ cachedTokens: 1800, cacheWrite1hTokens: 400 })
    const stream = await withAttribution({ feature: 'manual-assistant' }, async () =>
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
    log(`answer: ${text}`)
    log(`anthropic usage: ${JSON.stringify(message.usage)}`)
    const { usage, cost } = record
    log(
      `finops usage: input ${usage.inputTokens} (cache read ${usage.cacheReadTokens ?? 0}, ` +
        `cache write 5m ${usage.cacheWriteTokens ?? 0}, 1h ${usage.cacheWrite1hTokens ?? 0}), output ${usage.outputTokens}`,
    )
    log(cost ? `cost: ${cost.amount.toFixed(6)} ${cost.currency} (${cost.usdNanos} nano-USD)` : 'cost: unknown model price')
    return record
  } finally {
    await provider.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  await run()
}
