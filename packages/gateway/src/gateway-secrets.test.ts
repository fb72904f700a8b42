import { captureTelemetry } from '@finops-ai/testing'
import { afterAll, describe, expect, it } from 'vitest'
import { PROVIDER_KEYS, startTestGateway } from './test-gateway.js'

const SECRET = 'vk-test-secret-holder'
const messages = [{ role: 'user' as const, content: 'Where is my parcel' }]
const telemetry = captureTelemetry()

afterAll(() => telemetry.shutdown())

describe('provider keys stay in the gateway', () => {
  it('appear in no response, span, span event or usage record', async () => {
    const test = await startTestGateway({ keys: { [SECRET]: { id: 'vk_holder', attribution: { team: 'support' } } } })
    const answers: string[] = []
    const call = async (path: string, body: unknown, method = 'POST') => {
      const response = await fetch(`${test.url}${path}`, { method, headers: { authorization: `Bearer ${SECRET}` }, ...(method === 'POST' ? { body: JSON.stringify(body) } : {}) })
      answers.push(JSON.stringify([...response.headers]), await response.text())
    }
    await call('/v1/chat/completions', { model: 'gpt-4o', messages })
    await call('/v1/chat/completions', { model: 'gpt-4o', messages, stream: true })
    await call('/v1/responses', { model: 'gpt-4o', input: 'Hi' })
    await call('/v1/embeddings', { model: 'text-embedding-3-small', input: 'Hi' })
    await call('/v1/models', undefined, 'GET')
    await call('/v1/messages', { model: 'claude-sonnet-4-6', max_tokens: 10, messages, stream: true })
    await call('/v1/messages/count_tokens', { model: 'claude-sonnet-4-6', messages })
    test.provider.failNext({ status: 401 })
    await call('/v1/chat/completions', { model: 'gpt-4o', messages })
    await test.close()

    const spans = telemetry.spans().map((span) => JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, status: span.status }))
    // Five model calls and the failed one; models and count_tokens are not model calls.
    expect(telemetry.genAiSpans()).toHaveLength(6)
    expect(test.records).toHaveLength(6)
    const everything = [...answers, ...spans, JSON.stringify(test.records)].join('\n')
    for (const key of Object.values(PROVIDER_KEYS)) expect(everything).not.toContain(key)
    // The keys were in play: the upstream received them.
    const upstreamHeaders = JSON.stringify(test.provider.requests.map((request) => request.headers))
    for (const key of Object.values(PROVIDER_KEYS)) expect(upstreamHeaders).toContain(key)
  })
})
