import { afterEach, describe, expect, it } from 'vitest'
import { startOtlpReceiver, type OtlpReceiver } from './otlp-json-receiver.js'

describe('startOtlpReceiver', () => {
  let receiver: OtlpReceiver | undefined
  afterEach(() => receiver?.close())

  it('decodes OTLP/JSON spans and metrics, 64-bit integers given as strings included', async () => {
    receiver = await startOtlpReceiver()
    const post = (path: string, body: unknown) =>
      fetch(`${receiver!.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const traces = {
      resourceSpans: [
        {
          resource: { attributes: [{ key: 'service.name', value: { stringValue: 'demo' } }] },
          scopeSpans: [
            {
              scope: { name: '@finops-ai/core' },
              spans: [
                {
                  name: 'chat gpt-4o',
                  kind: 3,
                  attributes: [
                    { key: 'gen_ai.usage.input_tokens', value: { intValue: '12' } },
                    { key: 'finops.cost.amount', value: { doubleValue: 0.5 } },
                    { key: 'finops.policy.keys', value: { arrayValue: { values: [{ stringValue: 'a' }] } } },
                    { key: 'finops.usage.estimated', value: { boolValue: false } },
                  ],
                },
              ],
            },
          ],
        },
      ],
    }
    const metrics = {
      resourceMetrics: [
        {
          scopeMetrics: [
            {
              scope: { name: '@finops-ai/core' },
              metrics: [
                { name: 'finops.cost', unit: '{EUR}', sum: { dataPoints: [{ asDouble: 0.5, attributes: [{ key: 'team.name', value: { stringValue: 't' } }] }] } },
                { name: 'gen_ai.client.token.usage', unit: '{token}', histogram: { dataPoints: [{ count: '2', sum: 30, attributes: [] }] } },
              ],
            },
          ],
        },
      ],
    }
    expect((await post('/v1/traces', traces)).status).toBe(200)
    expect((await post('/v1/metrics', metrics)).status).toBe(200)

    expect(receiver.spans).toEqual([
      {
        name: 'chat gpt-4o',
        kind: 3,
        scope: '@finops-ai/core',
        resource: { 'service.name': 'demo' },
        attributes: { 'gen_ai.usage.input_tokens': 12, 'finops.cost.amount': 0.5, 'finops.policy.keys': ['a'], 'finops.usage.estimated': false },
      },
    ])
    expect(receiver.metrics).toEqual([
      { name: 'finops.cost', unit: '{EUR}', type: 'sum', scope: '@finops-ai/core', points: [{ attributes: { 'team.name': 't' }, value: 0.5 }] },
      { name: 'gen_ai.client.token.usage', unit: '{token}', type: 'histogram', scope: '@finops-ai/core', points: [{ attributes: {}, value: 30, count: 2 }] },
    ])
  })

  it('answers protobuf with 415 and unknown paths with 404', async () => {
    receiver = await startOtlpReceiver()
    const protobuf = await fetch(`${receiver.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: new Uint8Array([1]) })
    expect(protobuf.status).toBe(415)
    expect((await fetch(`${receiver.url}/v1/logs`, { method: 'POST', body: '{}' })).status).toBe(404)
    expect(receiver.spans).toEqual([])
  })
})
