import { describe, expect, it } from 'vitest'
import { run } from './main.js'
import type { ReceivedMetric } from './otlp-json-receiver.js'

/** The data points of the last export of `name` (cumulative temporality: the last one holds the totals). */
const lastPoints = (metrics: ReceivedMetric[], name: string) => metrics.filter((metric) => metric.name === name).at(-1)?.points ?? []

describe('otlp-export example', () => {
  it('exports GenAI spans with cost and attribution, and the metrics, over OTLP/HTTP JSON', async () => {
    const lines: string[] = []
    const { spans, metrics, requests } = await run({ log: (line) => lines.push(line), endpoint: '', apiKey: '' })

    expect(requests).toContain('POST /v1/traces application/json')
    expect(requests).toContain('POST /v1/metrics application/json')

    // Spans: one CLIENT span per call, from finops-ai's scope, with the resource of the application.
    expect(spans.map((span) => span.name)).toEqual([
      'chat gpt-4o-mini',
      'chat gpt-4o',
      'embeddings text-embedding-3-small',
      'chat gpt-4o-mini',
      'chat gpt-4o-mini',
    ])
    expect(spans.every((span) => span.kind === 3 && span.scope === '@finops-ai/core' && span.resource['service.name'] === 'otlp-export-demo')).toBe(true)
    const [chat, stream, embeddings, denied, unallocated] = spans
    expect(chat?.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4o-mini',
      'enduser.id': 'k.herings',
      'team.name': 'customer-support',
      'feature.name': 'support-rag',
      cost_center: 'CC-4711',
      'finops.cost.currency': 'EUR',
      'finops.price.source': 'genai-prices',
    })
    for (const span of [chat, stream, embeddings, unallocated]) {
      expect(span?.attributes['finops.cost.amount']).toBeGreaterThan(0)
      expect(span?.attributes['gen_ai.usage.input_tokens']).toBeGreaterThan(0)
    }
    expect(stream?.attributes['gen_ai.request.stream']).toBe(true)
    expect(embeddings?.attributes).toMatchObject({ 'team.name': 'search', 'feature.name': 'ticket-search' })
    expect(denied?.attributes).toMatchObject({ 'error.type': 'budget', 'finops.policy.key': 'summary-budget', 'feature.name': 'ticket-summary' })
    expect(denied?.attributes['finops.cost.amount']).toBeUndefined()
    expect(unallocated?.attributes['finops.attribution.missing']).toBe(true)

    // Metrics: cost by team and feature, tokens, duration, denials, missing attribution.
    const cost = lastPoints(metrics, 'finops.cost')
    expect(metrics.find((metric) => metric.name === 'finops.cost')).toMatchObject({ type: 'sum', unit: '{EUR}', scope: '@finops-ai/core' })
    const costOf = (feature: string | undefined) =>
      cost.filter((point) => point.attributes['feature.name'] === feature).reduce((sum, point) => sum + point.value, 0)
    expect(costOf('support-rag')).toBeCloseTo(Number(chat?.attributes['finops.cost.amount']) + Number(stream?.attributes['finops.cost.amount']), 9)
    expect(costOf('ticket-search')).toBeCloseTo(Number(embeddings?.attributes['finops.cost.amount']), 12)
    expect(costOf(undefined)).toBeCloseTo(Number(unallocated?.attributes['finops.cost.amount']), 9)
    expect(cost.every((point) => point.attributes['finops.cost.currency'] === 'EUR' && point.attributes['team.name'] !== undefined)).toBe(true)
    // enduser.id is unbounded: spans only, never a metric attribute.
    expect(metrics.flatMap((metric) => metric.points).some((point) => 'enduser.id' in point.attributes)).toBe(false)

    const tokens = lastPoints(metrics, 'gen_ai.client.token.usage')
    expect(tokens.filter((point) => point.attributes['gen_ai.token.type'] === 'input').reduce((sum, point) => sum + (point.count ?? 0), 0)).toBe(4)
    expect(tokens.find((point) => point.attributes['feature.name'] === 'support-rag' && point.attributes['gen_ai.token.type'] === 'output')?.value).toBeGreaterThan(0)
    expect(lastPoints(metrics, 'gen_ai.client.operation.duration').reduce((sum, point) => sum + (point.count ?? 0), 0)).toBe(4)
    expect(lastPoints(metrics, 'gen_ai.client.operation.time_to_first_chunk')).toHaveLength(1)
    expect(lastPoints(metrics, 'finops.guard.denials')).toEqual([
      expect.objectContaining({ value: 1, attributes: expect.objectContaining({ 'finops.guard.reason': 'budget', 'finops.policy.key': 'summary-budget', 'feature.name': 'ticket-summary' }) }),
    ])
    expect(lastPoints(metrics, 'finops.attribution.missing')).toEqual([expect.objectContaining({ value: 1, attributes: expect.objectContaining({ 'team.name': 'customer-support' }) })])

    expect(lines).toContain('denied: budget of summary-budget')
    expect(lines).toContain('received 5 spans:')
  })
})
