import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestGateway, type TestGateway } from './test-gateway.js'

const SECRET = 'vk-test-lifecycle-secret'
const messages = [{ role: 'user' as const, content: 'Tell me a long story' }]
const keys = { [SECRET]: { id: 'vk_lifecycle', attribution: { team: 'support' } } }
let test: TestGateway

afterEach(() => test.close())

describe('gateway lifecycle', () => {
  it('answers /healthz and /readyz, and /readyz 503 once closing', async () => {
    test = await startTestGateway({ keys })
    expect(await (await fetch(`${test.url}/healthz`)).json()).toEqual({ status: 'ok' })
    expect((await fetch(`${test.url}/readyz`)).status).toBe(200)
    // Mounted in an application's own server, the handler keeps answering while the gateway drains.
    const host = createServer(test.gateway.handler)
    await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve))
    const closed = test.gateway.close()
    const ready = await fetch(`http://127.0.0.1:${(host.address() as AddressInfo).port}/readyz`)
    expect(ready.status).toBe(503)
    await closed
    host.closeAllConnections()
    await new Promise((resolve) => host.close(resolve))
  })

  it('aborts the upstream stream when the caller goes away, and settles what was streamed', async () => {
    test = await startTestGateway({ keys })
    // Far more than socket buffers hold, so the gateway is still forwarding when the caller leaves.
    test.provider.setReplyWords(50_000)
    const stream = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    let received = 0
    for await (const chunk of stream) {
      if (chunk.choices[0]?.delta.content) received += 1
      if (received === 3) break
    }
    // close() waits for the in-flight call to end, then flushes the engine.
    await test.gateway.close()
    expect(test.records).toHaveLength(1)
    expect(test.records[0]?.usage.outputTokens).toBeGreaterThanOrEqual(3)
    expect(test.records[0]?.usage.outputTokens).toBeLessThan(50_000)
    expect(test.records[0]?.estimated).toBe(true)
  })

  it('finishes an in-flight stream on close, refuses new calls, and flushes usage before resolving', async () => {
    test = await startTestGateway({ keys })
    test.provider.setReplyWords(50)
    const stream = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const iterator = stream[Symbol.asyncIterator]()
    await iterator.next()
    const closed = test.gateway.close()
    let words = 0
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) if (next.value.choices[0]?.delta.content) words += 1
    expect(words).toBe(50)
    await closed
    expect(test.records).toHaveLength(1)
    expect(test.records[0]?.usage.outputTokens).toBe(50)
    await expect(fetch(`${test.url}/healthz`)).rejects.toThrow()
  })

  it('cuts streams still running at the shutdown deadline, and settles them', async () => {
    test = await startTestGateway({ keys, gateway: { shutdownTimeoutMs: 0 } })
    test.provider.setReplyWords(50_000)
    const stream = await test.openai(SECRET).chat.completions.create({ model: 'gpt-4o', messages, stream: true })
    const iterator = stream[Symbol.asyncIterator]()
    await iterator.next()
    await test.gateway.close()
    const rest = (async () => {
      for (let next = await iterator.next(); !next.done; next = await iterator.next());
    })()
    await expect(rest).rejects.toThrow()
    expect(test.records).toHaveLength(1)
    expect(test.records[0]?.usage.outputTokens).toBeLessThan(50_000)
  })
})
