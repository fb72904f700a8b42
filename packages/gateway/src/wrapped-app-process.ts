// Test support for gateway-processes.test.ts (not part of the package): a wrapped Node app in its
// own process, on the same policy file and Redis as the gateways. Forked with IPC:
// argv = [redisPort, policyFile, fakeOpenAIBaseURL, usageJsonl]; it answers `ready`, then for each
// `{ type: 'lane', team }` calls until a guard denies and answers `{ type: 'done', sent }`; on
// `{ type: 'exit' }` it flushes the engine and the ledger and exits.
import { createFinOps, LimitExceededError } from '@finops-ai/core'
import { jsonlUsageSink } from '@finops-ai/focus'
import { withFinOps } from '@finops-ai/openai'
import { redisStore } from '@finops-ai/redis'
import { Redis } from 'ioredis'
import OpenAI from 'openai'

type Message = { type: 'lane'; team: string; model: string } | { type: 'exit' }

const [port, policies, baseURL, ledgerPath] = process.argv.slice(2) as [string, string, string, string]
const client = new Redis({ host: '127.0.0.1', port: Number(port), enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false })
const ledger = jsonlUsageSink({ path: ledgerPath })
const finops = createFinOps({ policies, store: redisStore({ client, prefix: 'shared' }), onUsage: ledger })
const send = (message: unknown) => process.send!(message)

process.on('message', async (message: Message) => {
  if (message.type === 'exit') {
    await finops.flush()
    await ledger.flush()
    ledger.close()
    await client.quit()
    process.exit(0)
  }
  const openai = withFinOps(new OpenAI({ baseURL, apiKey: 'sk-app', maxRetries: 0 }), { finops, attribution: { team: message.team } })
  for (let sent = 0; ; sent += 1) {
    try {
      await openai.chat.completions.create({ model: message.model, messages: [{ role: 'user', content: 'Where is my parcel' }], max_tokens: 16 })
    } catch (error) {
      send(LimitExceededError.isInstance(error) ? { type: 'done', sent } : { type: 'failed', error: String(error) })
      return
    }
  }
})
client.once('ready', () => send({ type: 'ready' }))
