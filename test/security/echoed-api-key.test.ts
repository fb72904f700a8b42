// A provider may echo the API key it received in its error message; it must not reach telemetry.
import { createFinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base'
import OpenAI from 'openai'
import { expect, it } from 'vitest'

it('redacts an API key the provider echoes in its error from the span status and exception', async () => {
  const provider = await fakeProvider()
  const exporter = new InMemorySpanExporter()
  const records: UsageRecord[] = []
  const finops = createFinOps({
    tracerProvider: new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }),
    onUsage: (record) => void records.push(record),
  })
  const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test-SECRET-123', maxRetries: 0 }), { finops })
  provider.failNext({ status: 401, body: { error: { message: 'Incorrect API key provided: sk-test-SECRET-123.', type: 'invalid_request_error' } } })
  const error = await openai.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'hi' }] }).catch((caught: unknown) => caught)
  expect((error as Error).message).toContain('sk-test-SECRET-123') // the caller's error is the SDK's, untouched
  await finops.flush()
  await provider.close()

  const [span] = exporter.getFinishedSpans()
  expect(span?.status.message).toContain('[REDACTED]')
  expect(JSON.stringify({ status: span?.status, events: span?.events, attributes: span?.attributes, records })).not.toContain('SECRET')
})
