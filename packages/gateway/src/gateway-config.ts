import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ConfigError } from '@finops-ai/core'
import { parse as parseYaml } from 'yaml'
import { ConfigFields, join } from './config-fields.js'
import type { GatewayOptions, UpstreamOptions, UpstreamsOptions } from './gateway-options.js'

/** Where the engine keeps its counters: in the process, or in Redis shared with other processes. */
export type StoreConfig = { kind: 'memory' } | { kind: 'redis'; url: string; prefix?: string }

/** Server limits of the config file's `limits:` section, as {@link GatewayOptions} names them. */
export type GatewayLimits = Pick<GatewayOptions, 'maxBodyBytes' | 'maxHeaders' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'shutdownTimeoutMs' | 'upstreamTimeoutMs'>

/** A loaded `gateway.yaml`: paths absolute, provider keys read from the environment. */
export interface GatewayConfig {
  /** Interface and port to listen on. Default `127.0.0.1:8787`. */
  listen: { host: string; port: number }
  /** Upstreams with their API keys resolved; a provider without a key is absent. */
  upstreams: UpstreamsOptions
  /** The policy file (`policy_file:`); absent: env `FINOPS_POLICY_FILE`, else no policies. */
  policyFile?: string
  /** The virtual keys file (`keys_file:`), as `finops-ai-gateway keys` writes it. */
  keysFile: string
  /** `store:` — `memory` (default) or `{ redis: <redis:// URL>, prefix? }`. */
  store: StoreConfig
  /** `usage_jsonl:` — the usage ledger `finops-ai report` / `focus` read; absent: none. */
  usageJsonl?: string
  /** `limits:` — body size, header count, timeouts. */
  limits: GatewayLimits
}

const PROVIDERS = [
  ['openai', 'OPENAI_API_KEY'],
  ['anthropic', 'ANTHROPIC_API_KEY'],
] as const

const LIMITS = {
  max_body_bytes: ['maxBodyBytes', 1],
  max_headers: ['maxHeaders', 1],
  request_timeout_ms: ['requestTimeoutMs', 1],
  keep_alive_timeout_ms: ['keepAliveTimeoutMs', 0],
  shutdown_timeout_ms: ['shutdownTimeoutMs', 0],
  upstream_timeout_ms: ['upstreamTimeoutMs', 1],
} as const satisfies Record<string, [keyof GatewayLimits, number]>

/**
 * Reads and validates a gateway config file (YAML or JSON). Relative paths are resolved against
 * the file's directory; provider API keys are read from the environment variables the file names
 * (`api_key_env`, default `OPENAI_API_KEY` / `ANTHROPIC_API_KEY`), never from the file itself.
 *
 * @throws ConfigError naming the path of every problem, e.g. `upstreams.openai.api_key_env`.
 */
export function loadGatewayConfig(path: string, env: Readonly<Record<string, string | undefined>> = process.env): GatewayConfig {
  let document: unknown
  try {
    document = parseYaml(readFileSync(path, 'utf8'))
  } catch (error) {
    throw new ConfigError({ path: '', detail: `cannot read gateway config ${path}: ${(error as Error).message}` }, { cause: error })
  }
  const fields = new ConfigFields()
  const base = dirname(resolve(path))
  const file = (value: unknown, at: string) => {
    const text = fields.string(value, at)
    return text === undefined ? undefined : resolve(base, text)
  }
  const root = fields.object(document ?? {}, '', ['listen', 'upstreams', 'policy_file', 'keys_file', 'store', 'usage_jsonl', 'limits']) ?? {}
  const listen = fields.object(root.listen, 'listen', ['host', 'port']) ?? {}
  const config: GatewayConfig = {
    listen: { host: fields.string(listen.host, 'listen.host') ?? '127.0.0.1', port: fields.integer(listen.port, 'listen.port', 0, 65_535) ?? 8787 },
    upstreams: readUpstreams(fields, root.upstreams, env),
    keysFile: file(root.keys_file, 'keys_file') ?? fields.fail('keys_file', 'required: the virtual keys file (create one with `finops-ai-gateway keys create`)') ?? '',
    store: readStore(fields, root.store),
    limits: readLimits(fields, root.limits),
  }
  const policyFile = file(root.policy_file, 'policy_file')
  if (policyFile !== undefined) config.policyFile = policyFile
  const usageJsonl = file(root.usage_jsonl, 'usage_jsonl')
  if (usageJsonl !== undefined) config.usageJsonl = usageJsonl
  if (fields.issues.length > 0) throw new ConfigError(fields.issues)
  return config
}

function readUpstreams(fields: ConfigFields, value: unknown, env: Readonly<Record<string, string | undefined>>): UpstreamsOptions {
  const section = fields.object(value, 'upstreams', PROVIDERS.map(([name]) => name)) ?? {}
  const upstreams: UpstreamsOptions = {}
  for (const [name, defaultVariable] of PROVIDERS) {
    const at = join('upstreams', name)
    const entry = fields.object(section[name], at, ['base_url', 'api_key_env']) ?? {}
    const variable = fields.string(entry.api_key_env, join(at, 'api_key_env'))
    const apiKey = env[variable ?? defaultVariable]
    if (variable !== undefined && !apiKey) fields.fail(join(at, 'api_key_env'), `environment variable ${variable} is not set`)
    const baseURL = fields.url(entry.base_url, join(at, 'base_url'), ['http:', 'https:'])
    if (!apiKey) continue
    const upstream: UpstreamOptions = { apiKey }
    if (baseURL !== undefined) upstream.baseURL = baseURL
    upstreams[name] = upstream
  }
  if (Object.keys(upstreams).length === 0 && fields.issues.length === 0) {
    fields.fail('upstreams', 'no provider API key: set OPENAI_API_KEY or ANTHROPIC_API_KEY, or name the variables with api_key_env')
  }
  return upstreams
}

function readStore(fields: ConfigFields, value: unknown): StoreConfig {
  if (value === undefined || value === null || value === 'memory') return { kind: 'memory' }
  if (typeof value === 'string') return fields.fail('store', "expected 'memory' or { redis: <redis:// URL>, prefix? }") ?? { kind: 'memory' }
  const entry = fields.object(value, 'store', ['redis', 'prefix']) ?? {}
  if (entry.redis === undefined) return fields.fail('store.redis', 'required: a redis:// or rediss:// URL') ?? { kind: 'memory' }
  const url = fields.url(entry.redis, 'store.redis', ['redis:', 'rediss:'])
  if (url === undefined) return { kind: 'memory' }
  const prefix = fields.string(entry.prefix, 'store.prefix')
  return prefix === undefined ? { kind: 'redis', url } : { kind: 'redis', url, prefix }
}

function readLimits(fields: ConfigFields, value: unknown): GatewayLimits {
  const section = fields.object(value, 'limits', Object.keys(LIMITS)) ?? {}
  const limits: GatewayLimits = {}
  for (const [key, [option, min]] of Object.entries(LIMITS)) {
    const number = fields.integer(section[key], join('limits', key), min)
    if (number !== undefined) limits[option] = number
  }
  return limits
}
