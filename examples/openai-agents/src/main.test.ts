import { captureTelemetry, expectAllCallsAttributed } from '@finops-ai/testing'
import { getGlobalTraceProvider } from '@openai/agents'
import { afterAll, afterEach, describe, expect, it } from 'vitest'
import { run } from './main.js'

const telemetry = captureTelemetry({ global: false })
const realFetch = globalThis.fetch
afterEach(() => {
  globalThis.fetch = realFetch
})
afterAll(() => telemetry.shutdown())

// gpt-4o-mini, OpenAI's published price (openai.com/api/pricing, read 2026-12-02): $0.15 per 1M
// input tokens, $0.60 per 1M output tokens.
const gpt4oMiniCost = (input: number, output: number) => (input * 0.15 + output * 0.6) / 1_000_000

describe('openai-agents example', () => {
  it('gives one usage record and one span per model call, with attribution and cost, and a denial sent nowhere', async () => {
    const urls: string[] = []
    globalThis.fetch = (input, init) => {
      urls.push(input instanceof Request ? input.url : String(input))
      return realFetch(input, init)
    }
    const lines: string[] = []
    const { records, denial, providerRequests } = await run({ log: (line) => lines.push(line), apiKey: '', tracerProvider: telemetry.tracerProvider })

    expect(records.map((record) => [record.status, record.attribution.team, record.attribution.feature])).toEqual([
      ['ok', 'customer-support', 'support-agent'], // the tool call
      ['ok', 'customer-support', 'support-agent'], // the answer after the tool output
      ['ok', 'customer-support', 'support-agent'], // the streamed run
      ['ok', 'research', 'market-scan'],
      ['ok', 'customer-support', 'nightly-digest'],
      ['denied', 'customer-support', 'nightly-digest'],
    ])
    expect(records.map((record) => [record.usage.inputTokens, record.usage.outputTokens])).toEqual([
      [7, 2],
      [14, 16],
      [2, 16],
      [3, 16],
      [4, 16],
      [0, 0],
    ])
    for (const record of records.slice(0, 5)) {
      expect(record.cost?.amount).toBeCloseTo(gpt4oMiniCost(record.usage.inputTokens, record.usage.outputTokens), 12)
    }

    const spans = telemetry.genAiSpans()
    expect(spans.map((span) => span.name)).toEqual(Array.from({ length: 6 }, () => 'chat gpt-4o-mini'))
    expect(spans.map((span) => span.attributes['finops.cost.amount'])).toEqual(records.map((record) => record.cost?.amount))
    expect(spans[2]?.attributes).toMatchObject({ 'gen_ai.request.stream': true, 'enduser.id': 'a.lovelace' })
    expectAllCallsAttributed(spans, { required: ['team', 'feature'] })

    // The denied run surfaced once, and nothing of it reached the provider.
    expect(denial).toMatchObject({ reason: 'requests_per_minute', policy: 'nightly-digest' })
    expect(providerRequests).toBe(5)
    // The SDK's trace exporter is off: every request went to the fake provider.
    await getGlobalTraceProvider().forceFlush()
    expect(urls).toHaveLength(5)
    expect(urls.every((url) => url.startsWith('http://127.0.0.1:'))).toBe(true)
    expect(lines).toContain('  denied: requests_per_minute of nightly-digest')
  })
})
