// A minimal OpenAI-compatible upstream for the gateway benchmark, run as its own process
// (`fork('bench/lib/canned-chat-upstream.mjs')`): `POST /v1/chat/completions` answers the canned
// completion of canned-openai.mjs, or, with `"stream": true`, its SSE stream of `max_tokens`
// content chunks, one socket write per event as a provider sends them. It sends
// `{ port }` over IPC once listening. No request is recorded and no token is counted, so the
// upstream is as cheap as it can be and the "direct" variant is the floor.
import { createServer } from 'node:http'
import { chatStreamBody, cannedOpenAIFetch } from './canned-openai.mjs'

const completion = await (await cannedOpenAIFetch()('http://upstream/v1/chat/completions', { body: '{}' })).text()
/** SSE records of a stream of `chunks` chunks, cached per size. */
const streams = new Map()
const streamRecords = (chunks) => {
  let records = streams.get(chunks)
  if (records === undefined) {
    records = chatStreamBody(chunks).split(/(?<=\n\n)/)
    streams.set(chunks, records)
  }
  return records
}

const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  const parts = []
  request.on('data', (part) => parts.push(part))
  request.on('end', () => {
    if (request.method !== 'POST' || !request.url.startsWith('/v1/chat/completions')) {
      response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}')
      return
    }
    const body = JSON.parse(Buffer.concat(parts).toString('utf8'))
    if (body.stream !== true) {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(completion), 'x-request-id': 'req_bench' })
      response.end(completion)
      return
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'x-request-id': 'req_bench' })
    for (const record of streamRecords(body.max_tokens ?? 20)) response.write(record)
    response.end()
  })
})
server.listen(0, '127.0.0.1', () => process.send({ port: server.address().port }))
process.on('disconnect', () => process.exit(0))
