import { captureTelemetry, expectAllCallsAttributed } from '@finops-ai/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { run } from './main.js'

const telemetry = captureTelemetry({ global: false })
afterAll(() => telemetry.shutdown())

describe('langchain example', () => {
  it('gives one usage record and one span per model call, with attribution and cost; the denial is sent nowhere and surfaces once', async () => {
    const lines: string[] = []
    const { records, denial, providerRequests } = await run({ log: (line) => lines.push(line), tracerProvider: telemetry.tracerProvider })

    expect(records.map((record) => [record.status, record.provider, record.operation, record.stream, record.attribution.feature])).toEqual([
      ['ok', 'openai', 'chat', false, 'support-chat'],
      ['ok', 'openai', 'chat', true, 'support-chat'],
      ['ok', 'openai', 'chat', false, 'support-triage'],
      ['ok', 'openai', 'chat', false, 'support-triage'],
      ['ok', 'anthropic', 'chat', false, 'support-summary'],
      ['ok', 'anthropic', 'chat', false, 'support-summary'],
      ['ok', 'anthropic', 'chat', true, 'support-summary'],
      ['ok', 'openai', 'embeddings', false, 'ticket-search'],
      ['denied', 'openai', 'chat', false, 'support-triage'],
    ])
    expect(records.every((record) => record.attribution.team === 'customer-support')).toBe(true)
    // gpt-4o-mini, OpenAI's published price (openai.com/api/pricing, read 2026-12-02): $0.15 per 1M
    // input tokens, $0.60 per 1M output tokens. The question is 10 words (tokens), the reply 16:
    // 10 × 0.15 + 16 × 0.60 = 11.1 µUSD.
    expect(records[0]?.cost?.usdNanos).toBe(11_100)
    expect(records[1]?.cost?.usdNanos).toBe(11_100)
    // claude-haiku-4-5, Anthropic's published price (anthropic.com/pricing, read 2026-12-02): $1 per
    // MTok input, $5 per MTok output: 10 × 1 + 16 × 5 = 90 µUSD for the streamed question.
    expect(records[6]?.cost?.usdNanos).toBe(90_000)

    const spans = telemetry.genAiSpans()
    expect(spans).toHaveLength(records.length)
    expect(spans.map((span) => span.attributes['finops.cost.amount'])).toEqual(records.map((record) => record.cost?.amount))
    expectAllCallsAttributed(spans, { required: ['team', 'feature'] })

    expect(denial).toMatchObject({ reason: 'requests_per_minute', policy: 'triage-rate/user=a.lovelace' })
    // Eight calls sent; the denied one was attempted once (one denied record above, not seven) and never sent.
    expect(providerRequests).toBe(8)
    expect(lines).toContain('  denied: requests_per_minute of triage-rate/user=a.lovelace')
  })
})
