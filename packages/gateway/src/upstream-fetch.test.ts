import { once } from 'node:events'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { upstreamFetch } from './upstream-fetch.js'

/** What the test server saw of the last request. */
let seen: { method?: string; url?: string; headers?: IncomingMessage['headers']; body?: string } = {}
/** Lets the streaming route send its second event once the test has read the first. */
let releaseSecondEvent: () => void = () => {}

function route(request: IncomingMessage, response: ServerResponse, body: string): void {
  seen = { method: request.method, url: request.url, headers: request.headers, body }
  if (request.url === '/json') {
    response.writeHead(200, { 'content-type': 'application/json', 'x-request-id': 'req_1' }).end(JSON.stringify({ echo: body }))
  } else if (request.url === '/empty') {
    response.writeHead(204).end()
  } else if (request.url === '/stream') {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.write('data: one\n\n')
    releaseSecondEvent = () => response.end('data: two\n\n')
  } else if (request.url === '/stall') {
    response.writeHead(200, { 'content-type': 'text/event-stream' })
    response.write('data: one\n\n')
  } else {
    response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}')
  }
}

describe('upstreamFetch', () => {
  let server: Server
  let base: string
  const send = upstreamFetch()

  beforeAll(async () => {
    server = createServer((request, response) => {
      const parts: Buffer[] = []
      request.on('data', (part: Buffer) => parts.push(part))
      request.on('end', () => route(request, response, Buffer.concat(parts).toString('utf8')))
    })
    server.listen(0, '127.0.0.1')
    await once(server, 'listening')
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  })
  afterAll(async () => {
    server.closeAllConnections()
    server.close()
    await once(server, 'close')
  })

  it('sends method, headers and body, asks for an uncompressed answer, and returns status, headers and body', async () => {
    const response = await send(`${base}/json`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer k' }, body: '{"a":1}' })
    expect(seen).toMatchObject({ method: 'POST', url: '/json', body: '{"a":1}', headers: { authorization: 'Bearer k', 'accept-encoding': 'identity' } })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-request-id')).toBe('req_1')
    expect(await response.json()).toEqual({ echo: '{"a":1}' })
  })

  it('passes error statuses through with their body, and answers a 204 with no body', async () => {
    const missing = await send(`${base}/nowhere`, { method: 'GET' })
    expect([missing.status, await missing.text()]).toEqual([404, '{"error":"not found"}'])
    const empty = await send(new URL(`${base}/empty`), { method: 'POST', body: new Uint8Array([1]) })
    expect([empty.status, empty.body]).toEqual([204, null])
  })

  it('streams server-sent events as they arrive, not at the end', async () => {
    const response = await send(`${base}/stream`, { method: 'POST', body: '{}' })
    const reader = response.body!.getReader()
    const decoder = new TextDecoder()
    expect(decoder.decode((await reader.read()).value)).toBe('data: one\n\n')
    releaseSecondEvent()
    expect(decoder.decode((await reader.read()).value)).toBe('data: two\n\n')
    expect((await reader.read()).done).toBe(true)
  })

  it('aborts a stream in flight with an AbortError, as fetch does', async () => {
    const controller = new AbortController()
    const response = await send(`${base}/stall`, { method: 'POST', body: '{}', signal: controller.signal })
    const reader = response.body!.getReader()
    await reader.read()
    controller.abort()
    await expect(reader.read()).rejects.toMatchObject({ name: 'AbortError' })
  })

  it('rejects when the upstream is unreachable, and at once for an aborted signal', async () => {
    const closed = createServer()
    closed.listen(0, '127.0.0.1')
    await once(closed, 'listening')
    const { port } = closed.address() as AddressInfo
    closed.close()
    await once(closed, 'close')
    await expect(send(`http://127.0.0.1:${port}/json`, { method: 'POST', body: '{}' })).rejects.toMatchObject({ code: 'ECONNREFUSED' })
    await expect(send(`${base}/json`, { method: 'POST', body: '{}', signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' })
  })
})
