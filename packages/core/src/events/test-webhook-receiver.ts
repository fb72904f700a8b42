import { once } from 'node:events'
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A request the receiver got. */
export interface ReceivedRequest {
  method: string
  headers: IncomingHttpHeaders
  body: string
}

/** What the receiver answers to its n-th request (0-based); may wait before answering. */
export type Answer = (index: number) => { status: number; headers?: Record<string, string> } | Promise<{ status: number; headers?: Record<string, string> }>

/** A real local HTTP server standing in for a webhook endpoint, for tests. */
export interface WebhookReceiver {
  url: string
  requests: ReceivedRequest[]
  /** Resolves once `count` requests have arrived (at once if they already have). */
  received(count: number): Promise<ReceivedRequest[]>
  close(): Promise<void>
}

/** Starts a receiver on a free port answering `answer(index)` (default 200). */
export async function webhookReceiver(answer: Answer = () => ({ status: 200 })): Promise<WebhookReceiver> {
  const requests: ReceivedRequest[] = []
  const waiters: Array<{ count: number; resolve: (requests: ReceivedRequest[]) => void }> = []
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = []
    for await (const chunk of request) chunks.push(chunk as Buffer)
    const index = requests.length
    requests.push({ method: request.method ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') })
    for (const waiter of waiters.filter((candidate) => candidate.count <= requests.length)) {
      waiters.splice(waiters.indexOf(waiter), 1)
      waiter.resolve(requests.slice())
    }
    const { status, headers } = await answer(index)
    response.writeHead(status, headers).end()
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/finops`,
    requests,
    received: (count) =>
      count <= requests.length ? Promise.resolve(requests.slice()) : new Promise((resolve) => waiters.push({ count, resolve })),
    close: async () => {
      server.closeAllConnections()
      server.close()
      await once(server, 'close')
    },
  }
}
