// The whole call path on node-redis: the real `openai` client over HTTP against fakeProvider(),
// the real engine, and redisStore on a real redis-server through node-redis v4, v5 and v6.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createFinOps, LimitExceededError, type FinOps, type PolicyConfig } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { createClient } from 'redis'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { redisStore } from '../redis-store.js'
import { redisServerSkipReason, startRedisServer, type RedisServerProcess } from '../testing/redis-server-process.js'
import { nodeRedisVersions } from './node-redis-test-clients.js'

const skip = redisServerSkipReason()
const rpm = 5
const policies: PolicyConfig[] = [{ key: 'rpm', limits: { requests_per_minute: rpm } }]
const messages = [{ role: 'user' as const, content: 'one two three four' }]

/** `rpm` calls pass, the next is denied `requests_per_minute` without reaching the provider. */
async function expectExactRpm(finops: FinOps, provider: FakeProvider): Promise<void> {
  const openai = withFinOps(new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', maxRetries: 0 }), { finops })
  const call = () => openai.chat.completions.create({ model: 'gpt-4o-mini', messages, max_tokens: 16 })
  for (let index = 0; index < rpm; index++) await call()
  const denied = await call().then(
    () => undefined,
    (error: unknown) => error,
  )
  expect(LimitExceededError.isInstance(denied)).toBe(true)
  expect(denied).toMatchObject({ reason: 'requests_per_minute', policy: 'rpm', limit: rpm })
  expect(provider.requests).toHaveLength(rpm)
  await finops.flush()
}

describe.skipIf(skip !== undefined)('createFinOps with redisStore on node-redis', () => {
  let server: RedisServerProcess
  let provider: FakeProvider
  beforeAll(async () => {
    server = await startRedisServer()
    provider = await fakeProvider()
  })
  afterEach(() => {
    provider.reset()
    vi.unstubAllEnvs()
  })
  afterAll(async () => {
    await provider.close()
    await server.stop()
  })

  nodeRedisVersions.forEach((version, index) => {
    it(`${version.name}: an rpm limit of ${rpm} admits ${rpm} calls and denies the next before it reaches the provider`, async () => {
      const connected = await version.connect(server.port)
      const store = redisStore({ client: connected.client, prefix: `engine-${index}`, onError: 'fail-closed' })
      await expectExactRpm(createFinOps({ store, policies }), provider)
      await connected.close()
    })
  })

  it('runs the node-redis example of docs/stores.md as written', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'finops-node-redis-'))
    writeFileSync(join(directory, 'policies.yaml'), `policies:\n  - key: rpm\n    limits:\n      requests_per_minute: ${rpm}\n`)
    vi.stubEnv('REDIS_URL', `redis://127.0.0.1:${server.port}`)
    vi.stubEnv('FINOPS_POLICY_FILE', join(directory, 'policies.yaml'))
    // docs/stores.md example: begin
    const client = createClient({ url: process.env.REDIS_URL, disableOfflineQueue: true })
    client.on('error', (error) => console.error('redis client:', error))
    await client.connect()
    const finops = createFinOps({ store: redisStore({ client }) }) // policies: env FINOPS_POLICY_FILE
    // docs/stores.md example: end
    await expectExactRpm(finops, provider)
    client.destroy()
    rmSync(directory, { recursive: true })
  })

  it('keeps the example in docs/stores.md identical to the code the test above runs', () => {
    const code = (text: string) =>
      text
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '' && !line.startsWith('import '))
    const test = readFileSync(fileURLToPath(import.meta.url), 'utf8')
    const begin = '// docs/stores.md example: begin\n'
    const region = test.slice(test.indexOf(begin) + begin.length, test.indexOf('    // docs/stores.md example: end'))
    const docs = readFileSync(fileURLToPath(new URL('../../../../docs/stores.md', import.meta.url)), 'utf8')
    const section = docs.slice(docs.indexOf('### node-redis'))
    const block = section.slice(section.indexOf('```ts\n') + 6, section.indexOf('\n```', section.indexOf('```ts\n')))
    expect(code(block)).toEqual(code(region))
    expect(block).toContain("import { createClient } from 'redis'")
  })
})
