import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import type { ClientReadiness } from './client-readiness.js'
import type { ScriptClient } from './clients/script-client.js'
import { RedisStoreError } from './redis-store-error.js'
import { scriptSender } from './script-sender.js'
import { redisScript } from './scripts/redis-script.js'

const script = redisScript('echo', 'return ARGV[1]')
const command = { keys: ['{t}:k'], args: ['reply'] }

/** A client double answering every script with its last argument, or failing with `failure`. */
class EchoClient implements ScriptClient {
  sent = 0
  constructor(private readonly failure?: () => Error) {}
  async evalSha(_sha1: string, _keys: string[], args: string[]): Promise<unknown> {
    this.sent += 1
    if (this.failure !== undefined) throw this.failure()
    return args.at(-1)
  }
  async eval(): Promise<unknown> {
    throw new Error('unused')
  }
}

/** A readiness double that is ready once `open()` was called. */
function gate(): ClientReadiness & { open(): void } {
  let open = () => {}
  const opened = new Promise<void>((resolve) => {
    open = resolve
  })
  let ready = false
  return {
    isReady: () => ready,
    ready: () => opened,
    open: () => {
      ready = true
      open()
    },
  }
}

const replyError = () => Object.assign(new Error('NOREPLICAS Not enough good replicas to write.'), { name: 'ReplyError' })

describe('scriptSender', () => {
  it('sends at once without a readiness, and resolves with the raw reply', async () => {
    const client = new EchoClient()
    expect(await scriptSender(client, 1_000)('get', script, command, performance.now() + 1_000)).toBe('reply')
    expect(client.sent).toBe(1)
  })

  it('waits for a readiness that is not ready before it sends', async () => {
    const client = new EchoClient()
    const readiness = gate()
    const reply = scriptSender(client, 1_000, readiness)('read', script, command, performance.now() + 60_000)
    await Promise.resolve()
    expect(client.sent).toBe(0)
    readiness.open()
    expect(await reply).toBe('reply')
    expect(client.sent).toBe(1)
  })

  it("rejects with failure 'timeout' and sends nothing when the client is not ready by the deadline", async () => {
    const client = new EchoClient()
    const readiness = gate()
    const error = await scriptSender(client, 20, readiness)('read', script, command, performance.now() + 20).catch((rejection: unknown) => rejection)
    expect(error).toBeInstanceOf(RedisStoreError)
    expect(error).toMatchObject({ operation: 'read', failure: 'timeout', message: 'finops-ai redis store: read failed (timeout): no reply within 20 ms' })
    readiness.open()
    await readiness.ready()
    expect(client.sent).toBe(0)
  })

  it("maps Redis's error replies to failure 'reply' and other client errors to 'connection'", async () => {
    const deadline = () => performance.now() + 1_000
    await expect(scriptSender(new EchoClient(replyError), 1_000)('set', script, command, deadline())).rejects.toMatchObject({ operation: 'set', failure: 'reply' })
    await expect(scriptSender(new EchoClient(() => new Error('Connection is closed.')), 1_000)('set', script, command, deadline())).rejects.toMatchObject({
      operation: 'set',
      failure: 'connection',
      message: 'finops-ai redis store: set failed (connection): Connection is closed.',
    })
  })

  it('rejects with a ConfigError (a refused Redis) as it is', async () => {
    const refused = new ConfigError({ path: 'redisStore.client', detail: 'refused' })
    const readiness: ClientReadiness = { isReady: () => false, ready: () => Promise.reject(refused) }
    await expect(scriptSender(new EchoClient(), 1_000, readiness)('reserve', script, command, performance.now() + 1_000)).rejects.toBe(refused)
  })
})
