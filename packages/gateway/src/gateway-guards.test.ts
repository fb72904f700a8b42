import { memoryStore } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import OpenAI, { RateLimitError } from 'openai'
import Anthropic from '@anthropic-ai/sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestGateway, type TestGateway } from './test-gateway.js'

const SECRET = 'vk-test-guarded-secret'
const messages = [{ role: 'user' as const, content: 'Where is my parcel' }]
// With a 16-token cap a call is estimated (and, on the fake provider, billed) at about 0.00017 USD for gpt-4o.
const call = { model: 'gpt-4o', messages, max_tokens: 16 }
const keys = { [SECRET]: { id: 'vk_guarded', attribution: { team: 'support', feature: 'rag' } } }
let test: TestGateway | undefined

afterEach(() => test?.close())

/** An answer an SDK client got: status, headers and body text. */
interface Answer {
  status: number
  headers: Headers
  body: string
}

/** A `fetch` for an SDK client that records each answer it gets. */
function recordingFetch(seen: Answer[], onAnswer: (answer: Answer) => void = () => {}): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init)
    const answer = { status: response.status, headers: response.headers, body: await response.clone().text() }
    seen.push(answer)
    onAnswer(answer)
    return response
  }
}

describe('guards at the gateway', () => {
  it('denies over a hard budget with 429 the SDKs parse as RateLimitError, and tells them not to retry', async () => {
    test = await startTestGateway({ keys, finops: { policies: [{ key: 'tiny', limits: { budget: { period: 'total', hard_limit_usd: 0.0002 } } }] } })
    await test.openai(SECRET).chat.completions.create(call)
    const answers: Answer[] = []
    const denied = await test.openai(SECRET, { maxRetries: 2, fetch: recordingFetch(answers) }).chat.completions.create(call).catch((error: unknown) => error)
    expect(denied).toBeInstanceOf(RateLimitError)
    expect((denied as RateLimitError).code).toBe('budget_exceeded')
    expect(answers.map((answer) => [answer.status, answer.headers.get('x-should-retry')])).toEqual([[429, 'false']])
    const claude = await test.anthropic(SECRET).messages.create({ model: 'claude-sonnet-4-6', max_tokens: 10, messages }).catch((error: unknown) => error)
    expect(claude).toBeInstanceOf(Anthropic.RateLimitError)
    expect((claude as InstanceType<typeof Anthropic.RateLimitError>).type).toBe('rate_limit_error')
    expect(test.provider.requests).toHaveLength(1)
  })

  it('sends Retry-After on a requests-per-minute denial, which the SDK honours with its own retry', async () => {
    let now = Date.parse('2026-06-01T12:00:00Z')
    const clock = () => now
    test = await startTestGateway({ keys, finops: { clock, store: memoryStore({ clock }), policies: [{ key: 'rpm', limits: { requests_per_minute: 1 } }] } })
    await test.openai(SECRET).chat.completions.create(call)
    now += 59_990
    const answers: Answer[] = []
    // When the SDK sees the 429, the window has passed by the time it retries.
    const client = test.openai(SECRET, { maxRetries: 1, fetch: recordingFetch(answers, (answer) => (now += answer.status === 429 ? 60_000 : 0)) })
    const completion = await client.chat.completions.create(call)
    expect(completion.choices).toHaveLength(1)
    expect(answers.map((answer) => answer.status)).toEqual([429, 200])
    const retryAfterMs = Number(answers[0]?.headers.get('retry-after-ms'))
    expect(retryAfterMs).toBeGreaterThan(0)
    expect(retryAfterMs).toBeLessThanOrEqual(10_000)
    expect(answers[0]?.headers.get('retry-after')).toBe(String(Math.ceil(retryAfterMs / 1000)))
    expect(JSON.parse(answers[0]!.body)).toMatchObject({ error: { type: 'requests', code: 'rate_limit_exceeded' } })
  })

  it('counts a wrapped app and the gateway against one hard budget on the same engine', async () => {
    test = await startTestGateway({ keys, finops: { policies: [{ key: 'support', match: { team: 'support' }, limits: { budget: { period: 'total', hard_limit_usd: 0.0004 } } }] } })
    const app = withFinOps(new OpenAI({ baseURL: test.provider.openaiBaseURL, apiKey: 'app-key', maxRetries: 0 }), { finops: test.finops, attribution: { team: 'support', feature: 'rag' } })
    await app.chat.completions.create(call)
    await test.openai(SECRET).chat.completions.create(call)
    const spend = await test.finops.spend({ policy: 'support' })
    expect(spend.spent).toBeGreaterThan(0)
    await expect(test.openai(SECRET).chat.completions.create(call)).rejects.toBeInstanceOf(RateLimitError)
    await expect(app.chat.completions.create(call)).rejects.toThrow(/budget/)
    expect(test.provider.requests).toHaveLength(2)
  })

  it('downgrades the model once the soft limit is reached (on_soft_limit.downgrade)', async () => {
    test = await startTestGateway({
      keys,
      finops: { policies: [{ key: 'soft', limits: { budget: { period: 'total', soft_limit_usd: 0.0003 } }, on_soft_limit: { downgrade: { 'gpt-4o': 'gpt-4o-mini' } } }] },
    })
    await test.openai(SECRET).chat.completions.create(call)
    const downgraded = await test.openai(SECRET).chat.completions.create(call)
    expect(downgraded.model).toBe('gpt-4o-mini')
    expect(test.provider.requests.map((request) => (request.body as { model: string }).model)).toEqual(['gpt-4o', 'gpt-4o-mini'])
    await test.finops.flush()
    expect(test.records[1]).toMatchObject({ model: 'gpt-4o-mini', downgradedFrom: 'gpt-4o' })
  })

  it('answers 400 naming the attribution the key lacks when the engine requires it', async () => {
    test = await startTestGateway({ keys, finops: { attribution: { required: ['costCenter'], onMissing: 'throw' } } })
    const error = await test.openai(SECRET).chat.completions.create(call).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(OpenAI.BadRequestError)
    expect((error as Error).message).toMatch(/'costCenter'/)
    expect(test.provider.requests).toHaveLength(0)
  })
})
