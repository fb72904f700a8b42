import { captureTelemetry, expectAllCallsAttributed } from '@finops-ai/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from './main.js'

const telemetry = captureTelemetry({ global: false })
afterAll(() => telemetry.shutdown())

// gpt-4o-mini, OpenAI's published price (openai.com/api/pricing, read 2026-12-02): $0.15 per 1M
// input tokens, $0.60 per 1M output tokens.
const gpt4oMiniCost = (input: number, output: number) => (input * 0.15 + output * 0.6) / 1_000_000

describe('llamaindex example', () => {
  it('gives one usage record and one span per chat, streamed or not, and per embedding, with attribution and cost; a denial sent nowhere', async () => {
    const lines: string[] = []
    const { records, denial, providerRequests } = await run({ log: (line) => lines.push(line), apiKey: '', tracerProvider: telemetry.tracerProvider })

    expect(records.map((record) => [record.status, record.attribution.user, record.attribution.team, record.attribution.feature])).toEqual([
      ['ok', 'k.herings', 'knowledge-base', 'docs-qa'],
      ['ok', 'a.lovelace', 'knowledge-base', 'docs-qa'],
      ['ok', undefined, 'knowledge-base', 'docs-index'],
      ['ok', undefined, 'knowledge-base', 'faq'],
      ['denied', undefined, 'knowledge-base', 'faq'],
    ])
    expect(records.map((record) => [record.usage.inputTokens, record.usage.outputTokens])).toEqual([
      [6, 16],
      [6, 16],
      [6, 0],
      [6, 16],
      [0, 0],
    ])
    // 6 input and 16 output tokens: 6 × 0.15 + 16 × 0.60 = 10.5 µUSD per chat.
    const chatCost = gpt4oMiniCost(6, 16)
    for (const record of [records[0], records[1], records[3]]) expect(record?.cost?.amount).toBeCloseTo(chatCost, 12)
    // text-embedding-3-small, OpenAI's published price (same page and date): $0.02 per 1M tokens.
    expect(records[2]?.cost?.amount).toBeCloseTo((6 * 0.02) / 1_000_000, 12)

    const spans = telemetry.genAiSpans()
    expect(spans.map((span) => span.name)).toEqual([
      'chat gpt-4o-mini',
      'chat gpt-4o-mini',
      'embeddings text-embedding-3-small',
      'chat gpt-4o-mini',
      'chat gpt-4o-mini',
    ])
    expect(spans.map((span) => span.attributes['finops.cost.amount'])).toEqual(records.map((record) => record.cost?.amount))
    expect(spans[1]?.attributes).toMatchObject({ 'gen_ai.request.stream': true, 'enduser.id': 'a.lovelace', 'feature.name': 'docs-qa' })
    expectAllCallsAttributed(spans, { required: ['team', 'feature'] })

    expect(denial).toMatchObject({ reason: 'requests_per_minute', policy: 'faq-rate' })
    expect(providerRequests).toBe(4)
    expect(lines).toContain('  denied: requests_per_minute of faq-rate')
  })
})
