import type { AddressInfo } from 'node:net'
import { ConfigError, createFinOps, type FinOps, type ResponseCacheOptions, type ResponseCacheStore, type Store } from '@finops-ai/core'
import { jsonlUsageSink } from '@finops-ai/focus'
import { diag } from '@opentelemetry/api'
import { createGateway, type Gateway } from './create-gateway.js'
import type { CacheConfig, GatewayConfig, StoreConfig } from './gateway-config.js'
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
 * an optional peer), the engine with the policy file, the JSONL usage ledger and the response
 * cache (in the store's Redis when there is one), the watched keys file, and the gateway listening
 * on `config.listen`.
 */
export async function serveGateway(config: GatewayConfig): Promise<ServedGateway> {
  const store = await openStore(config.store, config.cache !== undefined)
  const ledger = config.usageJsonl === undefined ? undefined : jsonlUsageSink({ path: config.usageJsonl })
  let finops: FinOps
  try {
    finops = createFinOps({
      ...(store ? { store: store.store } : {}),
      ...(config.policyFile === undefined ? {} : { policies: config.policyFile }),
      ...(ledger ? { onUsage: ledger } : {}),
      ...(config.cache === undefined ? {} : { cache: responseCacheOptions(config.cache, store?.responseCache) }),
    })
  } catch (error) {
    ledger?.close()
    await store?.disconnect()
    throw error
  }
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

/** The engine's `cache` option for the config file's `cache:` section, its responses in `store` when given (else in memory). */
function responseCacheOptions(cache: CacheConfig, store: ResponseCacheStore | undefined): ResponseCacheOptions {
  return {
    ...(store === undefined ? {} : { store }),
    ...(cache.ttlMs === undefined ? {} : { ttl: cache.ttlMs }),
    ...(cache.isolateBy === undefined ? {} : { isolateBy: cache.isolateBy }),
  }
}

/** The Redis store of `store: { redis }` (and with `cache`, a response cache on the same connection); `undefined` for memory. */
async function openStore(config: StoreConfig, cache: boolean): Promise<{ store: Store; responseCache?: ResponseCacheStore; disconnect(): Promise<unknown> } | undefined> {
  if (config.kind === 'memory') return undefined
  const ioredis = await import('ioredis').catch((error: unknown) => {
    throw new ConfigError({ path: 'store.redis', detail: 'the Redis store needs the ioredis package: npm install ioredis' }, { cause: error })
  })
  const { redisResponseCache, redisStore } = await import('@finops-ai/redis')
  const { Redis } = ioredis
  // As redisStore advises: while Redis is down, commands fail at once (then onError applies) instead of queueing.
  const client = new Redis(config.url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, autoResendUnfulfilledCommands: false })
  // Connection errors reach the engine as store failures (onError, store_degraded events); ioredis would also print each one.
  client.on('error', (error: Error) => diag.debug(`finops-ai gateway: Redis connection error: ${error.message}`))
  const store = redisStore({ client, ...(config.prefix === undefined ? {} : { prefix: config.prefix }), ...(config.onError === undefined ? {} : { onError: config.onError }) })
  const responseCache = cache ? redisResponseCache({ client }) : undefined
  return { store, ...(responseCache ? { responseCache } : {}), disconnect: () => client.quit() }
}
