import { afterEach, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { run } from './main.js'
import { startServer, type RunningServer } from './start-server.js'

describe('express-attribution example', () => {
  let provider: FakeProvider | undefined
  let server: RunningServer | undefined
  afterEach(async () => {
    await server?.close()
    await provider?.close()
    server = provider = undefined
  })

  const start = async () => {
    provider = await fakeProvider()
    server = await startServer({ baseURL: provider.openaiBaseURL, requestsPerMinute: 2 })
    return server
  }
  const ask = (url: string, token: string | undefined) =>
    fetch(`${url}/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token !== undefined && { authorization: `Bearer ${token}` }) },
      body: JSON.stringify({ question: 'Where is my parcel?' }),
    })

  it('attributes each request to the user and team of its bearer token, also for concurrent requests', async () => {
    const { url, records, finops } = await start()
    const statuses = await Promise.all([ask(url, 'token-alice'), ask(url, 'token-bob'), ask(url, 'token-alice'), ask(url, 'token-bob')].map(async (response) => (await response).status))
    await finops.flush()

    expect(statuses).toEqual([200, 200, 200, 200])
    expect(records).toHaveLength(4)
    expect(records.map((record) => record.attribution).sort((a, b) => String(a.user).localeCompare(String(b.user)))).toEqual([
      { user: 'alice', team: 'search', feature: 'ask' },
      { user: 'alice', team: 'search', feature: 'ask' },
      { user: 'bob', team: 'support', feature: 'ask' },
      { user: 'bob', team: 'support', feature: 'ask' },
    ])
    expect(records.every((record) => record.status === 'ok' && !record.unallocated)).toBe(true)
  })

  it("answers one user's excess request with 429 and Retry-After without affecting another user", async () => {
    const { url, records, finops } = await start()
    expect((await ask(url, 'token-alice')).status).toBe(200)
    expect((await ask(url, 'token-alice')).status).toBe(200)

    const limited = await ask(url, 'token-alice')
    expect(limited.status).toBe(429)
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(61)
    expect(await limited.json()).toEqual({ error: 'limit_exceeded', reason: 'requests_per_minute', policy: 'per-user-rate/user=alice' })

    expect((await ask(url, 'token-bob')).status).toBe(200)
    expect((await ask(url, 'token-bob')).status).toBe(200)
    await finops.flush()

    expect(records.map((record) => `${record.attribution.user} ${record.status}`)).toEqual(['alice ok', 'alice ok', 'alice denied', 'bob ok', 'bob ok'])
    // The denied request never reached the provider.
    expect(provider?.requests).toHaveLength(4)
  })

  it('rejects a request without a known bearer token with 401 before any model call', async () => {
    const { url, records } = await start()
    expect((await ask(url, undefined)).status).toBe(401)
    expect((await ask(url, 'token-mallory')).status).toBe(401)
    expect(records).toHaveLength(0)
  })

  it('runs the demo: four questions from alice (the fourth gets 429), two from bob', async () => {
    const lines: string[] = []
    const { responses, records } = await run({ log: (line) => lines.push(line), apiKey: '' })
    expect(responses).toEqual(['alice 200', 'alice 200', 'alice 200', 'alice 429', 'bob 200', 'bob 200'])
    expect(records.filter((record) => record.status === 'ok').every((record) => (record.cost?.amount ?? 0) > 0)).toBe(true)
    expect(lines.join('\n')).toMatch(/POST \/ask as alice → 429 Retry-After: \d+/)
    expect(lines.join('\n')).toContain('user=bob team=support feature=ask ok')
  })
})
