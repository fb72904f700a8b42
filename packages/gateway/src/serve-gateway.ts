import type { AddressInfo } from 'node:net'
import { ConfigError, createFinOps, type Store } from '@finops-ai/core'
import { jsonlUsageSink } from '@finops-ai/focus'
import { diag } from '@opentelemetry/api'
import { createGateway, type Gateway } from './create-gateway.js'
import type { GatewayConfig, StoreConfig } from './gateway-config.js'
import { fileKeyStore } from './keys/index.js'

/** A gateway started from a config file, listening. */
export interface ServedGateway {
  readonly gateway: Gateway
  /** `http://HOST:PORT` it listens on. */
  readonly url: string
  /** Graceful shutdown (see `Gateway.close`), then flushes the usage ledger and disconnects Redis. */
  close(): Promise<void>
}

/**
 * Starts what a {@link GatewayConfig} describes: the store (memory, or Redis through `ioredis`,
 * an optional peer), the engine with the policy file and the JSONL usage ledger, the watched keys
 * file, and the gateway listening on `config.listen`.
 */
export async function serveGateway(config: GatewayConfig): Promise<ServedGateway> {
  const store = await openStore(config.store)
  const ledger = config.usageJsonl === undefined ? undefined : jsonlUsageSink({ path: config.usageJsonl })
  const finops = createFinOps({
    ...(store ? { store: store.store } : {}),
    ...(config.policyFile === undefined ? {} : { policies: config.policyFile }),
    ...(ledger ? { onUsage: ledger } : {}),
  })
  const gateway = createGateway({ finops, keys: fileKeyStore(config.keysFile), upstreams: config.upstreams, ...config.limits })
  try {
    await new Promise<void>((resolve, reject) => {
      gateway.server.once('error', reject)
      gateway.server.listen(config.listen.port, config.listen.host, () => {
        gateway.server.off('error', reject)
        resolve()
      })
    })
  } catch (error) {
    await gateway.close()
    await store?.disconnect()
    throw error
  }
  const { address, port } = gateway.server.address() as AddressInfo
  return {
    gateway,
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    async close() {
      await gateway.close()
      if (ledger) {
        await ledger.flush()
        ledger.close()
      }
      await store?.disconnect()
    },
  }
}

async function openStore(config: StoreConfig): Promise<{ store: Store; disconnect(): Promise<unknown> } | undefined> {
  if (config.kind === 'memory') return undefined
  const ioredis = await import('ioredis').catch((error: unknown) => {
    throw new ConfigError({ path: 'store.redis', detail: 'the Redis store needs the ioredis package: npm install ioredis' }, { cause: error })
  })
  const { redisStore } = await import('@finops-ai/redis')
  const { Redis } = ioredis
  // As redisStore advises: while Redis is down, commands fail at once (then onError applies) instead of queueing.
  const client = new Redis(config.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false })
  // Connection errors reach the engine as store failures (onError, store_degraded events); ioredis would also print each one.
  client.on('error', (error: Error) => diag.debug(`finops-ai gateway: Redis connection error: ${error.message}`))
  const store = redisStore({ client, ...(config.prefix === undefined ? {} : { prefix: config.prefix }), ...(config.onError === undefined ? {} : { onError: config.onError }) })
  return { store, disconnect: () => client.quit() }
}
