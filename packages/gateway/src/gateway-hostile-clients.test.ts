import { once } from 'node:events'
import { connect, type Socket } from 'node:net'
import { captureTelemetry } from '@finops-ai/testing'
import { diag, DiagLogLevel } from '@opentelemetry/api'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { PROVIDER_KEYS, startTestGateway, type TestGateway } from './test-gateway.js'

const SECRET = 'fo-test-hostile-clients-secret'
const PROMPT = 'my card number is 4111 1111 1111 1111'
const keys = { [SECRET]: { id: 'vk_hostile', attribution: { team: 'support' }, userHeader: 'x-user' } }
const chat = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: PROMPT }], max_tokens: 8 })
const telemetry = captureTelemetry()
const logged: string[] = []
let test: TestGateway

beforeAll(() => {
  const log = (...args: unknown[]) => void logged.push(args.map(String).join(' '))
  diag.setLogger({ error: log, warn: log, info: log, debug: log, verbose: log }, DiagLogLevel.ALL)
})
afterEach(() => test.close())
afterAll(() => telemetry.shutdown())

/** Opens a raw TCP connection to the gateway and collects everything it answers until it closes. */
async function rawConnection(url: string): Promise<{ socket: Socket; received: () => string; closed: Promise<unknown> }> {
  const { hostname, port } = new URL(url)
  const socket = connect(Number(port), hostname)
  await once(socket, 'connect')
  let text = ''
  socket.on('data', (data: Buffer) => void (text += data.toString('latin1')))
  socket.on('error', () => {})
  return { socket, received: () => text, closed: once(socket, 'close') }
}

/** A raw HTTP/1.1 request with the key and a JSON body; `connection: close` unless `keepAlive`. */
function rawRequest(target: string, options: { body?: string; headers?: string[]; version?: string; keepAlive?: boolean } = {}): string {
  const body = options.body ?? chat
  const headers = [
    'host: gateway',
    `authorization: Bearer ${SECRET}`,
    'content-type: application/json',
    `content-length: ${Buffer.byteLength(body)}`,
    ...(options.keepAlive ? [] : ['connection: close']),
    ...(options.headers ?? []),
  ]
  return `POST ${target} ${options.version ?? 'HTTP/1.1'}\r\n${headers.join('\r\n')}\r\n\r\n${body}`
}

/** Sends one raw request on a new connection and returns the whole answer once the gateway closes it. */
async function send(request: string): Promise<string> {
  const connection = await rawConnection(test.url)
  connection.socket.write(request)
  await connection.closed
  return connection.received()
}

const statusOf = (answer: string) => Number(/^HTTP\/1\.[01] (\d{3})/.exec(answer)?.[1])

describe('hostile clients', () => {
  it('disconnects a slow-loris client that trickles its headers, with 408 after headersTimeoutMs', async () => {
    test = await startTestGateway({ keys, gateway: { headersTimeoutMs: 300 } })
    const { socket, received, closed } = await rawConnection(test.url)
    const trickled = 'POST /v1/chat/completions HTTP/1.1\r\nhost: gateway\r\nx-padding: ' + 'a'.repeat(10_000)
    let sent = 0
    // One byte at a time, far slower than a client that means to finish its headers.
    const trickle = setInterval(() => {
      if (!socket.destroyed && sent < trickled.length) socket.write(trickled[sent++]!)
    }, 20)
    await closed
    clearInterval(trickle)
    expect(sent).toBeLessThan(trickled.length)
    expect(statusOf(received())).toBe(408)
    expect(test.provider.requests).toHaveLength(0)
  })

  it('answers 413 to a declared huge body before reading it, and closes the connection', async () => {
    test = await startTestGateway({ keys, gateway: { maxBodyBytes: 1024 } })
    const { socket, received, closed } = await rawConnection(test.url)
    socket.write(`POST /v1/chat/completions HTTP/1.1\r\nhost: gateway\r\nauthorization: Bearer ${SECRET}\r\ncontent-length: ${100 * 1024 * 1024}\r\n\r\n{"model":"gpt-4o-mini",`)
    // Nothing more is sent: the answer comes without the other 100 MiB.
    await closed
    expect(statusOf(received())).toBe(413)
    expect(received()).toContain('request_too_large')
  })

  it('answers 413 to a chunked body once it passes the limit, and closes the connection', async () => {
    test = await startTestGateway({ keys, gateway: { maxBodyBytes: 1024 } })
    const { socket, received, closed } = await rawConnection(test.url)
    socket.write(`POST /v1/chat/completions HTTP/1.1\r\nhost: gateway\r\nauthorization: Bearer ${SECRET}\r\ntransfer-encoding: chunked\r\n\r\n`)
    const chunk = 'x'.repeat(600)
    socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    socket.write(`${chunk.length.toString(16)}\r\n${chunk}\r\n`)
    // The last chunk is never sent.
    await closed
    expect(statusOf(received())).toBe(413)
    expect(test.provider.requests).toHaveLength(0)
  })

  it('rejects CR/LF smuggled into the user header, and validates the attribution it supplies', async () => {
    test = await startTestGateway({ keys })
    // A bare CR inside a header value would start a forged header: the HTTP parser refuses it.
    expect(statusOf(await send(rawRequest('/v1/chat/completions', { headers: ['x-user: alice\rx-forged: 1'] })))).toBe(400)
    expect(statusOf(await send(rawRequest('/v1/chat/completions', { headers: ['x-user: alice\nx-forged: 1'] })))).toBe(400)
    expect(test.provider.requests).toHaveLength(0)
    // A value too long for attribution is refused naming why, without echoing it.
    const long = await send(rawRequest('/v1/chat/completions', { headers: [`x-user: ${'u'.repeat(300)}`] }))
    expect(statusOf(long)).toBe(400)
    expect(long).toContain('invalid_attribution')
    expect(long).not.toContain('u'.repeat(300))
    // Control characters that HTTP allows (a tab) are stripped before the value becomes attribution.
    expect(statusOf(await send(rawRequest('/v1/chat/completions', { headers: ['x-user: k.\therings'] })))).toBe(200)
    expect(test.records.map((record) => record.attribution.user)).toEqual(['k.herings'])
  })

  it('answers 404 to path traversal, encoded and doubled slashes, and absolute URLs, forwarding nothing', async () => {
    test = await startTestGateway({ keys })
    const targets = [
      '/v1/../admin',
      '/v1/chat/completions/../../v1/models',
      '/v1/%2e%2e/admin',
      '/v1/%2E%2E/%2E%2E/etc/passwd',
      '/v1/chat%2Fcompletions',
      '/v1/chat%2fcompletions',
      '//v1/chat/completions',
      '/v1//chat/completions',
      '/v1/chat/completions/',
      '/V1/chat/completions',
      '/v1/chat/completions%00',
      'http://evil.example/v1/chat/completions',
      '/v1/chat/completions#/v1/models',
    ]
    for (const target of targets) expect([target, statusOf(await send(rawRequest(target)))]).toEqual([target, 404])
    expect(test.provider.requests).toHaveLength(0)
  })

  it('refuses credentials in the query string with 400, even alongside a valid header', async () => {
    test = await startTestGateway({ keys })
    for (const query of [`api-key=${SECRET}`, `key=${SECRET}`, 'access_token=abc', `x=${SECRET}`, `token=${PROVIDER_KEYS.openai}`]) {
      const answer = await send(rawRequest(`/v1/chat/completions?${query}`))
      expect([query, statusOf(answer)]).toEqual([query, 400])
      expect(answer).toContain('credentials_in_query')
    }
    expect(test.provider.requests).toHaveLength(0)
    // A query without credentials is ignored: it never reaches the upstream URL.
    expect(statusOf(await send(rawRequest('/v1/chat/completions?trace=1')))).toBe(200)
    expect(test.provider.requests.map((request) => request.path)).toEqual(['/v1/chat/completions'])
  })

  it('serves HTTP/1.0 clients, plain and streamed, and closes the connection after the answer when asked', async () => {
    // Idle connections would stay open for a minute: each answer below must close its own.
    test = await startTestGateway({ keys, gateway: { keepAliveTimeoutMs: 60_000 } })
    const plain = await send(rawRequest('/v1/chat/completions', { version: 'HTTP/1.0', keepAlive: true }))
    expect(plain).toMatch(/^HTTP\/1\.1 200/)
    expect(plain).toContain('"chat.completion"')
    const streamed = await send(rawRequest('/v1/chat/completions', { version: 'HTTP/1.0', keepAlive: true, body: JSON.stringify({ ...JSON.parse(chat), stream: true }) }))
    expect(streamed).toMatch(/^HTTP\/1\.1 200/)
    expect(streamed).not.toMatch(/transfer-encoding: chunked/i)
    expect(streamed.trimEnd().endsWith('data: [DONE]')).toBe(true)
    const closedStream = await send(rawRequest('/v1/chat/completions', { body: JSON.stringify({ ...JSON.parse(chat), stream: true }) }))
    expect(closedStream).toContain('data: [DONE]')
    expect(test.records).toHaveLength(3)
  })

  it('answers pipelined requests in order on one connection', async () => {
    test = await startTestGateway({ keys })
    const { socket, received, closed } = await rawConnection(test.url)
    socket.write(
      rawRequest('/v1/chat/completions', { keepAlive: true, headers: ['x-user: first'] }) +
        rawRequest('/v1/nowhere', { keepAlive: true }) +
        rawRequest('/v1/chat/completions', { headers: ['x-user: third'] }),
    )
    await closed
    expect([...received().matchAll(/HTTP\/1\.1 (\d{3})/g)].map((match) => match[1])).toEqual(['200', '404', '200'])
    expect(test.records.map((record) => record.attribution.user)).toEqual(['first', 'third'])
  })

  it('leaves no provider key and no prompt in logs, spans, records or answers', async () => {
    test = await startTestGateway({ keys })
    const answers: string[] = []
    answers.push(await send(rawRequest('/v1/chat/completions')))
    answers.push(await send(rawRequest('/v1/chat/completions', { body: JSON.stringify({ ...JSON.parse(chat), stream: true }) })))
    answers.push(await send(rawRequest('/v1/chat/completions', { body: chat.slice(0, -2) })))
    test.provider.failNext({ status: 500 })
    answers.push(await send(rawRequest('/v1/chat/completions')))
    answers.push(await send(rawRequest('/v1/chat/completions', { headers: [`x-user: ${'u'.repeat(300)}`] })))
    await test.finops.flush()
    expect(test.provider.requests.some((request) => JSON.stringify(request).includes(PROMPT))).toBe(true)
    const spans = telemetry.spans().map((span) => JSON.stringify({ name: span.name, attributes: span.attributes, events: span.events, status: span.status }))
    expect(spans.length).toBeGreaterThan(0)
    const everything = [...answers, ...logged, ...spans, JSON.stringify(test.records)].join('\n')
    for (const secret of [...Object.values(PROVIDER_KEYS), PROMPT, SECRET]) expect(everything).not.toContain(secret)
  })
})
