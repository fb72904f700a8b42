import Anthropic from '@anthropic-ai/sdk'
import { createFinOps, memoryStore, type FinOps, type FinOpsOptions, type UsageRecord } from '@finops-ai/core'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import type { AddressInfo } from 'node:net'
import OpenAI from 'openai'
import { createGateway, type Gateway } from './create-gateway.js'
import type { GatewayOptions } from './gateway-options.js'
import type { VirtualKey, VirtualKeyStore } from './keys/index.js'

/** Provider keys the test gateway holds; no output may ever contain them. */
export const PROVIDER_KEYS = { openai: 'sk-upstream-openai-SECRET-1234', anthropic: 'sk-ant-upstream-SECRET-5678' } as const

/** A gateway on the fake provider, for tests (not part of the package). */
export interface TestGateway {
  readonly gateway: Gateway
  readonly provider: FakeProvider
  readonly finops: FinOps
  readonly url: string
  /** Usage records the engine emitted. */
  readonly records: UsageRecord[]
  /** An official OpenAI client pointed at the gateway with `secret` as its API key. */
  openai(secret: string, options?: ConstructorParameters<typeof OpenAI>[0]): OpenAI
  /** An official Anthropic client pointed at the gateway with `secret` as its API key. */
  anthropic(secret: string, options?: ConstructorParameters<typeof Anthropic>[0]): Anthropic
  close(): Promise<void>
}

/** Options of {@link startTestGateway}. */
export interface TestGatewayOptions {
  /** Virtual keys by secret. */
  keys: Record<string, VirtualKey>
  /** Engine options (`onUsage` is added). */
  finops?: FinOpsOptions
  /** Gateway options other than `finops`, `keys`, `upstreams`. */
  gateway?: Partial<GatewayOptions>
}

/** An in-memory key store double: secrets mapped to keys. */
export function memoryKeyStore(keys: Record<string, VirtualKey>): VirtualKeyStore {
  return { lookup: (secret) => keys[secret] }
}

/** Starts the fake provider, an engine recording usage, and a gateway on a free local port. */
export async function startTestGateway(options: TestGatewayOptions): Promise<TestGateway> {
  const provider = await fakeProvider()
  const records: UsageRecord[] = []
  const finops = createFinOps({ store: memoryStore(), ...options.finops, onUsage: (record) => void records.push(record) })
  const gateway = createGateway({
    finops,
    keys: memoryKeyStore(options.keys),
    upstreams: {
      openai: { baseURL: provider.openaiBaseURL, apiKey: PROVIDER_KEYS.openai },
      anthropic: { baseURL: provider.anthropicBaseURL, apiKey: PROVIDER_KEYS.anthropic },
    },
    ...options.gateway,
  })
  await new Promise<void>((resolve) => gateway.server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}`
  return {
    gateway,
    provider,
    finops,
    url,
    records,
    openai: (secret, clientOptions) => new OpenAI({ baseURL: `${url}/v1`, apiKey: secret, maxRetries: 0, ...clientOptions }),
    anthropic: (secret, clientOptions) => new Anthropic({ baseURL: url, apiKey: secret, maxRetries: 0, ...clientOptions }),
    async close() {
      await gateway.close()
      await provider.close()
    },
  }
}
