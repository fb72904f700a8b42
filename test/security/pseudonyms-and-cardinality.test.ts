// `attribution.hashUser` keeps raw end-user ids inside the process; metric attributes stay bounded
// however many users, custom attribution values and per-user policies there are.
import { createHmac } from 'node:crypto'
import { callPathOf, createFinOps, LimitExceededError, withAttribution, type CallRequest } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { recordEverything, type EmittedOutputs } from './everything-emitted.js'

let provider: FakeProvider
let outputs: EmittedOutputs
beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(() => provider.close())
afterEach(() => {
  outputs.close()
  provider.reset()
})

const salt = 'pepper-4711'
const pseudonym = (user: string) => createHmac('sha256', salt).update(user).digest('hex').slice(0, 32)

describe('hashUser', () => {
  it('only the HMAC pseudonym of the user leaves the process: spans, records, events, metrics, logs', async () => {
    outputs = recordEverything()
    const finops = createFinOps({
      tracerProvider: outputs.tracerProvider,
      meterProvider: outputs.meterProvider,
      onEvent: outputs.onEvent,
      onUsage: outputs.onUsage,
      attribution: { hashUser: { salt }, required: ['team'], onMissing: 'warn' },
      policies: [
        { key: 'per-user', per: 'user', limits: { requests_per_minute: 2, budget: { period: 'daily', soft_limit_usd: 0.000_001, hard_limit_usd: 1 } } },
      ],
    })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test', maxRetries: 0 }), { finops })
    const user = 'k.herings@example.com'
    const messages = [{ role: 'user' as const, content: 'hi there' }]
    await withAttribution({ user }, async () => {
      await openai.chat.completions.create({ model: 'gpt-4o', messages })
      const stream = await openai.chat.completions.create({ model: 'gpt-4o', messages, stream: true })
      for await (const chunk of stream) void chunk
      // Third call in the minute: denied by the per-user rate limit.
      await openai.chat.completions.create({ model: 'gpt-4o', messages }).catch((error: unknown) => {
        expect(LimitExceededError.isInstance(error)).toBe(true)
        expect((error as LimitExceededError).policy).toBe(`per-user/user=${pseudonym(user)}`)
      })
    })
    await finops.flush()
    const spans = outputs.spans()
    expect(spans).toHaveLength(3)
    for (const span of spans) expect(span.attributes['enduser.id']).toBe(pseudonym(user))
    expect(outputs.records.map((record) => record.attribution.user)).toEqual([pseudonym(user), pseudonym(user), pseudonym(user)])
    // Budgets are kept per pseudonym.
    const spend = finops.spend({ policy: 'per-user', key: pseudonym(user) }) as { spent: number }
    expect(spend.spent).toBeGreaterThan(0)
    const text = await outputs.text()
    expect(text).toContain(pseudonym(user))
    expect(text).not.toContain(user)
    expect(text).not.toContain('k.herings')
    expect(outputs.events.map((event) => event.type)).toEqual(expect.arrayContaining(['attribution_missing', 'soft_limit', 'limit_exceeded']))
  })

  it('a client default user is hashed too, and two users never share a pseudonym', async () => {
    outputs = recordEverything()
    const finops = createFinOps({ tracerProvider: outputs.tracerProvider, onUsage: outputs.onUsage, attribution: { hashUser: { salt } } })
    const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'sk-test' }), { finops, attribution: { user: 'service-account' } })
    await openai.embeddings.create({ model: 'text-embedding-3-small', input: 'a b' })
    await withAttribution({ user: 'service-account ' }, () => openai.embeddings.create({ model: 'text-embedding-3-small', input: 'a b' }))
    await finops.flush()
    const ids = outputs.spans().map((span) => span.attributes['enduser.id'])
    expect(ids).toEqual([pseudonym('service-account'), pseudonym('service-account ')])
    expect(ids[0]).not.toBe(ids[1])
    expect(await outputs.text()).not.toContain('service-account')
  })
})

describe('metric attribute cardinality', () => {
  const request: CallRequest = {
    provider: 'openai',
    operation: 'chat',
    model: 'gpt-4o',
    stream: false,
    estimatedInputTokens: 8,
    maxOutputTokens: 16,
    server: { address: 'api.openai.com', port: 443 },
  }

  it('1,000 distinct users, sessions and per-user denials add no metric data points', async () => {
    outputs = recordEverything()
    const finops = createFinOps({
      meterProvider: outputs.meterProvider,
      tracerProvider: outputs.tracerProvider,
      attribution: { onMissing: 'allow' },
      policies: [{ key: 'per-user', per: 'user', limits: { requests_per_minute: 1 } }],
    })
    const path = callPathOf(finops)
    const callAs = (index: number) =>
      withAttribution({ user: `user-${index}`, session: `session-${index}`, team: 'search', feature: 'rank' }, () => {
        for (let attempt = 0; attempt < 2; attempt++) {
          try {
            const handle = path.begin(request)
            if (handle instanceof Promise) throw new Error('synchronous store expected')
            handle.succeed({ usage: { inputTokens: 8, outputTokens: 16 }, responseModel: 'gpt-4o' })
          } catch (error) {
            if (!LimitExceededError.isInstance(error)) throw error
          }
        }
      })
    for (let index = 0; index < 10; index++) callAs(index)
    const afterTen = await outputs.dataPoints()
    for (let index = 10; index < 1_000; index++) callAs(index)
    const afterThousand = await outputs.dataPoints()
    expect(afterThousand.length).toBe(afterTen.length)
    expect(afterThousand.map((point) => point.metric)).toEqual(expect.arrayContaining(['finops.guard.denials', 'gen_ai.client.token.usage']))
    for (const point of afterThousand) {
      expect(point.attributes).not.toHaveProperty('enduser.id')
      expect(point.attributes).not.toHaveProperty('finops.attribution.session')
      expect(JSON.stringify(point.attributes)).not.toMatch(/user-\d|session-\d/)
    }
    // Spans, which are per call, do carry the user.
    expect(outputs.spans().some((span) => span.attributes['enduser.id'] === 'user-999')).toBe(true)
  })
})
