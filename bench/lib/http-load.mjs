import { Agent, request as httpRequest } from 'node:http'
import { performance } from 'node:perf_hooks'

/**
 * A closed-loop HTTP load client on `node:http`: `concurrency` clients, each sending its next
 * request as soon as its previous answer has been read to the end, over a keep-alive agent with one
 * socket per client (connections are opened once, before the timed part, by {@link openLoad}).
 *
 * @typedef {{ url: string, headers: Record<string, string>, body: string }} LoadTarget
 */

/**
 * Sends one POST and reads its answer to the end; rejects on a non-200 status. A request sent on a
 * kept-alive socket that the server closed as it was reused (ECONNRESET, "socket hang up": the
 * server's keep-alive timeout passed while this client sat idle during another variant's turn) is
 * sent once more, as Node's documentation advises (`request.reusedSocket`).
 */
function post(agent, target) {
  return postOnce(agent, target).catch((error) => {
    if (error.reusedSocket === true && error.code === 'ECONNRESET') return postOnce(agent, target)
    throw error
  })
}

function postOnce(agent, target) {
  return new Promise((resolve, reject) => {
    const request = httpRequest(target.url, { method: 'POST', agent, headers: target.headers }, (response) => {
      const parts = []
      response.on('data', (part) => parts.push(part))
      response.on('end', () => {
        const text = Buffer.concat(parts).toString('utf8')
        if (response.statusCode !== 200) reject(new Error(`${target.url} answered ${response.statusCode}: ${text.slice(0, 300)}`))
        else resolve(text)
      })
      response.on('error', reject)
    })
    request.on('error', (error) => reject(Object.assign(error, { reusedSocket: request.reusedSocket })))
    request.end(target.body)
  })
}

/**
 * A load client for `target` at `concurrency`: `check()` sends one request and returns its body (to
 * verify what the server answers); `run(requests)` sends `requests` requests from `concurrency`
 * clients and returns each one's latency (µs, from sending to the last byte read) and the wall
 * time of the whole run; `close()` drops the connections. The first `run` should be a warm-up.
 *
 * @param {LoadTarget} target
 * @param {number} concurrency
 */
export function openLoad(target, concurrency) {
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(target.body)), ...target.headers }
  const sized = { ...target, headers }
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency, maxFreeSockets: concurrency })
  return {
    check: () => post(agent, sized),
    async run(requests) {
      const latenciesUs = new Float64Array(requests)
      let next = 0
      const client = async () => {
        while (next < requests) {
          const index = next++
          const started = performance.now()
          await post(agent, sized)
          latenciesUs[index] = (performance.now() - started) * 1000
        }
      }
      const started = performance.now()
      await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, client))
      return { latenciesUs, wallMs: performance.now() - started }
    },
    close: () => agent.destroy(),
  }
}

/** The `q`-quantile (0–1) of `values` (nearest rank). */
export function quantile(values, q) {
  const sorted = Float64Array.from(values).sort()
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]
}
