import { once } from 'node:events'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createFinOps, type Attribution, type FinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import OpenAI from 'openai'
import { createApp } from './create-app.js'

/** The demo's bearer tokens. A real application verifies a session or a JWT here. */
export const demoTokens: Readonly<Record<string, Attribution>> = {
  'token-alice': { user: 'alice', team: 'search' },
  'token-bob': { user: 'bob', team: 'support' },
}

/** Options of {@link startServer}. */
export interface ServerOptions {
  /** Where the OpenAI client sends requests (the fake provider's `openaiBaseURL`, or omitted for the real API). */
  baseURL?: string
  /** OpenAI API key. Default `'no-key-needed'` (for the fake provider). */
  apiKey?: string
  /** Port to listen on. Default `0`: a free port. */
  port?: number
  /** The per-user request rate. Default `3` per minute. */
  requestsPerMinute?: number
}

/** A running server; see {@link startServer}. */
export interface RunningServer {
  /** `http://127.0.0.1:PORT`. */
  url: string
  /** The engine, to read `spend()` and `coverage()`. */
  finops: FinOps
  /** One usage record per model call (denied ones included), in order. */
  records: UsageRecord[]
  close(): Promise<void>
}

/**
 * Starts the Express app with an engine that has one policy, `per-user-rate`: `per: user`,
 * `requests_per_minute` (each user gets their own counter), and collects usage records.
 */
export async function startServer({ baseURL, apiKey = 'no-key-needed', port = 0, requestsPerMinute = 3 }: ServerOptions = {}): Promise<RunningServer> {
  const records: UsageRecord[] = []
  const finops = createFinOps({
    attribution: { required: ['user', 'team', 'feature'], onMissing: 'throw' },
    policies: [{ key: 'per-user-rate', per: 'user', limits: { requests_per_minute: requestsPerMinute } }],
    onUsage: (record) => void records.push(record),
  })
  const openai = withFinOps(new OpenAI({ apiKey, ...(baseURL !== undefined && { baseURL }) }), { finops })
  const app = createApp({ openai, resolveToken: (token) => demoTokens[token] })
  const server: Server = app.listen(port, '127.0.0.1')
  await once(server, 'listening')
  const { port: actual } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${actual}`,
    finops,
    records,
    async close() {
      server.closeAllConnections()
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())))
      await finops.shutdown()
    },
  }
}
