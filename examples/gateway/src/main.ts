import { execFile } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import Anthropic from '@anthropic-ai/sdk'
import { runCli } from '@finops-ai/focus'
import { loadGatewayConfig, runKeysCommand, serveGateway } from '@finops-ai/gateway'
import { fakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'

/** Options of {@link run}. */
export interface RunOptions {
  log?: (line: string) => void
}

/** What the demo saw. */
export interface RunSummary {
  /** HTTP status of the call the policy denied. */
  deniedStatus: number | undefined
  /** Its `retry-after` header, in seconds. */
  retryAfter: string | null | undefined
  /** The `finops-ai report` table of the usage ledger. */
  report: string
}

const policies = fileURLToPath(new URL('../policies.yaml', import.meta.url))
const messages = [{ role: 'user' as const, content: 'Where is my parcel?' }]

/** Issues a virtual key with `finops-ai-gateway keys create` and returns its secret. */
async function createKey(file: string, options: string[]): Promise<string> {
  let secret = ''
  const code = await runKeysCommand(['create', '--file', file, ...options], { stdout: (text) => (secret += text), stderr: () => {} })
  if (code !== 0) throw new Error(`keys create exited with ${code}`)
  return secret.trim()
}

/**
 * Starts the gateway on a fake provider (no network, no provider account) with two virtual keys
 * and `policies.yaml`, sends calls with the official OpenAI and Anthropic SDKs and with curl,
 * shows the call the policy denies, shuts down, and prints the report of the usage ledger.
 */
export async function run(options: RunOptions = {}): Promise<RunSummary> {
  const log = options.log ?? console.log
  const provider = await fakeProvider()
  const directory = mkdtempSync(join(tmpdir(), 'finops-gateway-example-'))
  const keysFile = join(directory, 'keys.yaml')
  const usage = join(directory, 'usage.jsonl')
  // The provider keys live only in the gateway's environment; gateway.yaml names the variables.
  process.env.EXAMPLE_OPENAI_KEY = 'sk-fake-openai'
  process.env.EXAMPLE_ANTHROPIC_KEY = 'sk-fake-anthropic'
  writeFileSync(
    join(directory, 'gateway.yaml'),
    [
      'listen: { host: 127.0.0.1, port: 0 }',
      'upstreams:',
      `  openai: { base_url: '${provider.openaiBaseURL}', api_key_env: EXAMPLE_OPENAI_KEY }`,
      `  anthropic: { base_url: '${provider.anthropicBaseURL}', api_key_env: EXAMPLE_ANTHROPIC_KEY }`,
      `policy_file: ${JSON.stringify(policies)}`,
      'keys_file: keys.yaml',
      'usage_jsonl: usage.jsonl',
      '',
    ].join('\n'),
  )

  const support = await createKey(keysFile, ['--id', 'vk_support_rag', '--team', 'support', '--feature', 'support-rag', '--user-header', 'x-user', '--provider', 'openai'])
  const legal = await createKey(keysFile, ['--id', 'vk_legal', '--team', 'legal', '--feature', 'contract-review', '--provider', 'anthropic', '--model', 'claude-sonnet-4-6'])
  log('issued two virtual keys: vk_support_rag (OpenAI), vk_legal (Anthropic, claude-sonnet-4-6 only)')

  const served = await serveGateway(loadGatewayConfig(join(directory, 'gateway.yaml')))
  log(`gateway listening on ${served.url}`)
  let summary: Omit<RunSummary, 'report'>
  try {
    const openai = new OpenAI({ baseURL: `${served.url}/v1`, apiKey: support, maxRetries: 0, defaultHeaders: { 'x-user': 'k.herings' } })
    const anthropic = new Anthropic({ baseURL: served.url, apiKey: legal, maxRetries: 0 })

    const completion = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages })
    log(`openai  chat       vk_support_rag → ${completion.usage?.total_tokens} tokens`)
    let streamed = 0
    for await (const chunk of await openai.chat.completions.create({ model: 'gpt-4o-mini', messages, stream: true })) streamed += chunk.choices[0]?.delta.content ? 1 : 0
    log(`openai  stream     vk_support_rag → ${streamed} chunks`)
    const { stdout } = await promisify(execFile)('curl', [
      '-sS', `${served.url}/v1/chat/completions`,
      '-H', `Authorization: Bearer ${support}`, '-H', 'x-user: k.herings', '-H', 'content-type: application/json',
      '-d', JSON.stringify({ model: 'gpt-4o-mini', messages }),
    ])
    log(`curl    chat       vk_support_rag → ${(JSON.parse(stdout) as { usage: { total_tokens: number } }).usage.total_tokens} tokens`)
    const message = await anthropic.messages.create({ model: 'claude-sonnet-4-6', max_tokens: 200, messages })
    log(`sdk     messages   vk_legal       → ${message.usage.input_tokens + message.usage.output_tokens} tokens`)

    // The fourth call of k.herings within a minute: support-rag allows 3 per user.
    const denied = await openai.chat.completions.create({ model: 'gpt-4o-mini', messages }).catch((error: unknown) => error)
    const status = denied instanceof OpenAI.APIError ? denied.status : undefined
    const retryAfter = denied instanceof OpenAI.APIError ? denied.headers?.get('retry-after') : undefined
    log(`denied  chat       vk_support_rag → ${status} retry-after ${retryAfter}s: ${(denied as Error).message}`)
    summary = { deniedStatus: status, retryAfter }
  } finally {
    await served.close()
    await provider.close()
  }

  let report = ''
  await runCli(['report', usage, '--by', 'team,feature'], { stdout: { write: (text: string) => (report += text) }, stderr: process.stderr })
  log('')
  log(report.trimEnd())
  return { ...summary, report }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await run()
