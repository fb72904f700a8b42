import { pathToFileURL } from 'node:url'
import type { UsageRecord } from '@finops-ai/core'
import { fakeProvider } from '@finops-ai/testing'
import { startServer } from './start-server.js'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /** Set to call the real OpenAI API instead of the built-in fake provider. Default: env `OPENAI_API_KEY`. */
  apiKey?: string
}

/** What {@link run} observed. */
export interface RunResult {
  /** HTTP status of each request, in order, as `user status`. */
  responses: string[]
  records: UsageRecord[]
}

/**
 * The demo: starts the server on a free port and sends `POST /ask` as two users. Alice asks four
 * times: her fourth request exceeds the per-user rate (3/min) and gets 429 with `Retry-After`; Bob's
 * requests afterwards still succeed, because `per: user` gives each user their own counter.
 */
export async function run({ log = console.log, apiKey = process.env.OPENAI_API_KEY }: RunOptions = {}): Promise<RunResult> {
  const provider = apiKey ? undefined : await fakeProvider()
  const server = await startServer(provider ? { baseURL: provider.openaiBaseURL } : { apiKey })
  const responses: string[] = []
  try {
    log(`server at ${server.url}; ${provider ? `fake provider at ${provider.url}` : 'calling the real OpenAI API'}\n`)
    const ask = async (user: string, question: string) => {
      const response = await fetch(`${server.url}/ask`, {
        method: 'POST',
        headers: { authorization: `Bearer token-${user}`, 'content-type': 'application/json' },
        body: JSON.stringify({ question }),
      })
      const body = (await response.json()) as Record<string, unknown>
      const retryAfter = response.headers.get('retry-after')
      responses.push(`${user} ${response.status}`)
      log(`POST /ask as ${user.padEnd(5)} → ${response.status}${retryAfter ? ` Retry-After: ${retryAfter}` : ''} ${JSON.stringify(body)}`)
    }
    for (let question = 1; question <= 4; question++) await ask('alice', `Question ${question}: where is my parcel?`)
    await ask('bob', 'Can I change my delivery address?')
    await ask('bob', 'And the delivery date?')

    await server.finops.flush()
    log('\nusage records:')
    for (const record of server.records) {
      const { user, team, feature } = record.attribution
      const cost = record.cost === null ? '-' : `${record.cost.amount.toFixed(6)} ${record.cost.currency}`
      log(`  user=${user} team=${team} feature=${feature} ${record.status}${record.errorType ? ` (${record.errorType})` : ''} ${cost}`)
    }
    return { responses, records: server.records }
  } finally {
    await server.close()
    await provider?.close()
  }
}

/** `--serve`: keep the server running on `PORT` (default 3000) for curl. */
async function serve(): Promise<void> {
  const apiKey = process.env.OPENAI_API_KEY
  const provider = apiKey ? undefined : await fakeProvider()
  const server = await startServer({ port: Number(process.env.PORT ?? 3000), ...(provider ? { baseURL: provider.openaiBaseURL } : { apiKey }) })
  console.log(`listening on ${server.url}; try:`)
  console.log(`  curl -i -X POST ${server.url}/ask -H 'authorization: Bearer token-alice' -H 'content-type: application/json' -d '{"question":"hi"}'`)
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await (process.argv.includes('--serve') ? serve() : run())
}
