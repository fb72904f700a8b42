import { once } from 'node:events'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createFinOps, memoryStore, type UsageRecord } from '@finops-ai/core'
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createGateway, type Gateway } from './create-gateway.js'
import { loadGatewayConfig } from './gateway-config.js'
import type { UpstreamsOptions } from './gateway-options.js'
import { memoryKeyStore } from './test-gateway.js'

const SECRET = 'fo-test-azure-caller'
const AZURE_KEY = 'azure-resource-key-SECRET-9876'
const messages = [{ role: 'user' as const, content: 'Where is my parcel' }]
const telemetry = captureTelemetry()

/** What the Azure-style server received: the path's deployment and operation, the query, the key header. */
interface AzureRequest {
  deployment: string | undefined
  operation: string
  apiVersion: string | null
  apiKey: string | undefined
}

/**
 * A stand-in for an Azure OpenAI resource (the fake provider serves only OpenAI's own paths):
 * it answers `/openai/deployments/{deployment}/{operation}?api-version=…` and a compatible API
 * under `/compat/v1/{operation}` by relaying the request to the fake provider and its canned
 * answer back, streams included.
 */
async function startAzureLikeServer(provider: FakeProvider): Promise<{ url: string; requests: AzureRequest[]; server: Server }> {
  const requests: AzureRequest[] = []
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://azure.local')
    const azure = /^\/openai\/deployments\/([^/]+)\/(.+)$/.exec(url.pathname)
    const compatible = /^\/compat\/v1\/(.+)$/.exec(url.pathname)
    const operation = azure?.[2] ?? compatible?.[1]
    if (operation === undefined) return void response.writeHead(404).end()
    requests.push({ deployment: azure?.[1], operation, apiVersion: url.searchParams.get('api-version'), apiKey: request.headers['api-key'] as string | undefined })
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', async () => {
      const upstream = await fetch(`${provider.openaiBaseURL}/${operation}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: 'Bearer sk-fake' },
        body: Buffer.concat(chunks),
      })
      response.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' })
      for await (const chunk of upstream.body!) response.write(chunk)
      response.end()
    })
  })
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests, server }
}

let provider: FakeProvider
let azure: Awaited<ReturnType<typeof startAzureLikeServer>>
let gateway: Gateway | undefined

beforeAll(async () => {
  provider = await fakeProvider()
  azure = await startAzureLikeServer(provider)
})
afterEach(async () => {
  await gateway?.close()
  gateway = undefined
})
afterAll(async () => {
  azure.server.close()
  await provider.close()
  await telemetry.shutdown()
})

/** A gateway on `upstreams`, with a caller client and the usage records. */
async function start(upstreams: UpstreamsOptions) {
  const records: UsageRecord[] = []
  const finops = createFinOps({ store: memoryStore(), onUsage: (record) => void records.push(record) })
  gateway = createGateway({ finops, keys: memoryKeyStore({ [SECRET]: { id: 'vk_azure', attribution: { team: 'support' } } }), upstreams })
  gateway.server.listen(0, '127.0.0.1')
  await once(gateway.server, 'listening')
  const client = new OpenAI({ baseURL: `http://127.0.0.1:${(gateway.server.address() as AddressInfo).port}/v1`, apiKey: SECRET, maxRetries: 0 })
  return { client, records }
}

describe('Azure OpenAI and OpenAI-compatible upstreams', () => {
  it('sends calls to Azure deployment URLs with api-version and api-key, recorded as azure.ai.openai by model', async () => {
    azure.requests.length = 0
    telemetry.reset()
    const { client, records } = await start({ azureOpenAI: { endpoint: `${azure.url}/`, apiVersion: '2024-10-21', apiKey: AZURE_KEY, deployments: { 'gpt-4o-mini': 'prod-mini' } } })
    const answer = await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 8 })
    expect(answer.object).toBe('chat.completion')
    const chunks = []
    for await (const chunk of await client.chat.completions.create({ model: 'gpt-4o', messages, max_tokens: 8, stream: true })) chunks.push(chunk)
    expect(chunks.length).toBeGreaterThan(1)
    const embedding = await client.embeddings.create({ model: 'text-embedding-3-small', input: 'parcel' })
    expect(embedding.data[0]!.embedding.length).toBeGreaterThan(0)

    expect(azure.requests).toEqual([
      { deployment: 'prod-mini', operation: 'chat/completions', apiVersion: '2024-10-21', apiKey: AZURE_KEY },
      { deployment: 'gpt-4o', operation: 'chat/completions', apiVersion: '2024-10-21', apiKey: AZURE_KEY },
      { deployment: 'text-embedding-3-small', operation: 'embeddings', apiVersion: '2024-10-21', apiKey: AZURE_KEY },
    ])
    // The body keeps the model the caller named, so calls are priced by it.
    expect(provider.requests.at(-3)?.body).toMatchObject({ model: 'gpt-4o-mini' })
    expect(records.map((record) => [record.provider, record.model, record.attribution.team])).toEqual([
      ['azure.ai.openai', 'gpt-4o-mini', 'support'],
      ['azure.ai.openai', 'gpt-4o', 'support'],
      ['azure.ai.openai', 'text-embedding-3-small', 'support'],
    ])
    expect(records.every((record) => record.cost !== null && record.cost.amount > 0)).toBe(true)
    expect(telemetry.genAiSpans().map((span) => span.attributes['gen_ai.provider.name'])).toEqual(['azure.ai.openai', 'azure.ai.openai', 'azure.ai.openai'])
    expect(JSON.stringify([records, telemetry.spans().map((span) => span.attributes)])).not.toContain(AZURE_KEY)
  })

  it('forwards to any OpenAI-compatible base URL, path prefix included', async () => {
    azure.requests.length = 0
    const { client, records } = await start({ openai: { baseURL: `${azure.url}/compat/v1`, apiKey: 'sk-compatible' } })
    await client.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 8 })
    expect(azure.requests).toEqual([{ deployment: undefined, operation: 'chat/completions', apiVersion: null, apiKey: undefined }])
    expect(records.map((record) => [record.provider, record.model])).toEqual([['openai', 'gpt-4o-mini']])
  })

  it('reads upstreams.azure_openai from gateway.yaml, and refuses it next to upstreams.openai', () => {
    const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-azure-'))
    const file = join(directory, 'gateway.yaml')
    const azureSection = "  azure_openai: { endpoint: 'https://my-resource.openai.azure.com', api_version: '2024-10-21', api_key_env: MY_AZURE_KEY, deployments: { gpt-4o-mini: prod-mini } }"
    writeFileSync(file, `keys_file: keys.yaml\nupstreams:\n${azureSection}\n`)
    expect(loadGatewayConfig(file, { MY_AZURE_KEY: AZURE_KEY }).upstreams).toEqual({
      azureOpenAI: { endpoint: 'https://my-resource.openai.azure.com', apiVersion: '2024-10-21', apiKey: AZURE_KEY, deployments: { 'gpt-4o-mini': 'prod-mini' } },
    })
    writeFileSync(file, `keys_file: keys.yaml\nupstreams:\n${azureSection}\n  openai: { api_key_env: OPENAI_KEY }\n`)
    expect(() => loadGatewayConfig(file, { MY_AZURE_KEY: AZURE_KEY, OPENAI_KEY: 'sk' })).toThrow(/upstreams\.azure_openai: give openai or azure_openai, not both/)
    writeFileSync(file, "keys_file: keys.yaml\nupstreams:\n  azure_openai: { endpoint: 'ftp://x', deployments: [a] }\n")
    const error = (() => {
      try {
        return loadGatewayConfig(file, {})
      } catch (caught) {
        return caught as Error
      }
    })() as Error
    expect(error.message).toMatch(/upstreams\.azure_openai\.endpoint/)
    expect(error.message).toMatch(/upstreams\.azure_openai\.api_version: required/)
    expect(error.message).toMatch(/upstreams\.azure_openai\.api_key_env: environment variable AZURE_OPENAI_API_KEY is not set/)
    expect(error.message).toMatch(/upstreams\.azure_openai\.deployments: expected a mapping/)
  })
})
