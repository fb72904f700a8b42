import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { ConfigError } from '@finops-ai/core'
import { parse as parseYaml } from 'yaml'
import { ConfigFields, join } from './config-fields.js'
import type { AzureOpenAIUpstreamOptions, GatewayOptions, UpstreamOptions, UpstreamsOptions } from './gateway-options.js'

/** Where the engine keeps its counters: in the process, or in Redis shared with other processes. */
export type StoreConfig = { kind: 'memory' } | { kind: 'redis'; url: string; prefix?: string; onError?: 'fail-open' | 'fail-closed' }

/**
 * The config file's `cache:` section: the engine's opt-in response cache (`createFinOps({ cache })`)
 * for the calls the gateway forwards. Its responses are kept where the store is: in the process,
 * or in the same Redis (shared by every gateway process on it).
 */
export interface CacheConfig {
  /** `ttl_ms:` — how long a stored response answers identical requests. Absent: the engine's default (1 h). */
  ttlMs?: number
  /** `isolate_by:` — attribution keys whose values must match for two calls to share a response. Absent: every key. */
  isolateBy?: string[]
}

/** Server limits of the config file's `limits:` section, as {@link GatewayOptions} names them. */
export type GatewayLimits = Pick<
  GatewayOptions,
  'maxBodyBytes' | 'maxHeaders' | 'headersTimeoutMs' | 'requestTimeoutMs' | 'keepAliveTimeoutMs' | 'shutdownTimeoutMs' | 'upstreamTimeoutMs'
>

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
  /** `store:` — `memory` (default) or `{ redis: <redis:// URL>, prefix?, on_error? }`. */
  store: StoreConfig
  /** `usage_jsonl:` — the usage ledger `finops-ai report` / `focus` read; absent: none. */
  usageJsonl?: string
  /** `limits:` — body size, header count, timeouts. */
  limits: GatewayLimits
  /** `cache:` — the response cache for calls that opt in (`temperature: 0`); absent: no cache. */
  cache?: CacheConfig
}

const PROVIDERS = [
  ['openai', 'OPENAI_API_KEY'],
  ['anthropic', 'ANTHROPIC_API_KEY'],
] as const

const LIMITS = {
  max_body_bytes: ['maxBodyBytes', 1],
  max_headers: ['maxHeaders', 1],
  header_timeout_ms: ['headersTimeoutMs', 1],
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
  const root = fields.object(document ?? {}, '', ['listen', 'upstreams', 'policy_file', 'keys_file', 'store', 'usage_jsonl', 'limits', 'cache']) ?? {}
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
  const cache = readCache(fields, root.cache)
  if (cache !== undefined) config.cache = cache
  if (fields.issues.length > 0) throw new ConfigError(fields.issues)
  return config
}

function readUpstreams(fields: ConfigFields, value: unknown, env: Readonly<Record<string, string | undefined>>): UpstreamsOptions {
  const section = fields.object(value, 'upstreams', [...PROVIDERS.map(([name]) => name), 'azure_openai']) ?? {}
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
  const azure = readAzureOpenAI(fields, section.azure_openai, env)
  if (azure !== undefined && section.openai !== undefined) {
    fields.fail('upstreams.azure_openai', 'give openai or azure_openai, not both: either one serves the OpenAI-compatible endpoints')
  }
  if (azure !== undefined) {
    delete upstreams.openai
    upstreams.azureOpenAI = azure
  }
  if (Object.keys(upstreams).length === 0 && fields.issues.length === 0) {
    fields.fail('upstreams', 'no provider API key: set OPENAI_API_KEY or ANTHROPIC_API_KEY, or name the variables with api_key_env')
  }
  return upstreams
}

/** `upstreams.azure_openai: { endpoint, api_version, api_key_env?, deployments? }`; absent → `undefined`. */
function readAzureOpenAI(fields: ConfigFields, value: unknown, env: Readonly<Record<string, string | undefined>>): AzureOpenAIUpstreamOptions | undefined {
  const at = 'upstreams.azure_openai'
  const entry = fields.object(value, at, ['endpoint', 'api_version', 'api_key_env', 'deployments'])
  if (entry === undefined) return undefined
  const endpoint = fields.url(entry.endpoint, join(at, 'endpoint'), ['http:', 'https:']) ?? fields.fail(join(at, 'endpoint'), 'required: the resource endpoint, e.g. https://my-resource.openai.azure.com')
  const apiVersion = fields.string(entry.api_version, join(at, 'api_version')) ?? fields.fail(join(at, 'api_version'), "required: the Azure OpenAI API version, e.g. '2024-10-21'")
  const variable = fields.string(entry.api_key_env, join(at, 'api_key_env')) ?? 'AZURE_OPENAI_API_KEY'
  const apiKey = env[variable] || fields.fail(join(at, 'api_key_env'), `environment variable ${variable} is not set`)
  const deployments: Record<string, string> = {}
  const listed = entry.deployments ?? {}
  if (typeof listed !== 'object' || Array.isArray(listed)) fields.fail(join(at, 'deployments'), 'expected a mapping of model names to deployment names')
  else for (const [model, deployment] of Object.entries(listed)) {
    const name = fields.string(deployment, join(join(at, 'deployments'), model))
    if (name !== undefined) deployments[model] = name
  }
  if (endpoint === undefined || apiVersion === undefined || apiKey === undefined) return undefined
  return { endpoint, apiVersion, apiKey, ...(Object.keys(deployments).length === 0 ? {} : { deployments }) }
}

function readStore(fields: ConfigFields, value: unknown): StoreConfig {
  if (value === undefined || value === null || value === 'memory') return { kind: 'memory' }
  if (typeof value === 'string') return fields.fail('store', "expected 'memory' or { redis: <redis:// URL>, prefix? }") ?? { kind: 'memory' }
  const entry = fields.object(value, 'store', ['redis', 'prefix', 'on_error']) ?? {}
  if (entry.redis === undefined) return fields.fail('store.redis', 'required: a redis:// or rediss:// URL') ?? { kind: 'memory' }
  const url = fields.url(entry.redis, 'store.redis', ['redis:', 'rediss:'])
  if (url === undefined) return { kind: 'memory' }
  const prefix = fields.string(entry.prefix, 'store.prefix')
  const onError = fields.string(entry.on_error, 'store.on_error')
  if (onError !== undefined && onError !== 'fail-open' && onError !== 'fail-closed') fields.fail('store.on_error', "expected 'fail-open' or 'fail-closed'")
  return {
    kind: 'redis',
    url,
    ...(prefix === undefined ? {} : { prefix }),
    ...(onError === 'fail-open' || onError === 'fail-closed' ? { onError } : {}),
  }
}

/** `cache: { ttl_ms?, isolate_by? }` (`cache: {}` for the defaults); absent or `false` → `undefined`. */
function readCache(fields: ConfigFields, value: unknown): CacheConfig | undefined {
  if (value === false) return undefined
  const entry = fields.object(value, 'cache', ['ttl_ms', 'isolate_by'])
  if (entry === undefined) return undefined
  const cache: CacheConfig = {}
  const ttlMs = fields.integer(entry.ttl_ms, 'cache.ttl_ms', 1)
  if (ttlMs !== undefined) cache.ttlMs = ttlMs
  if (entry.isolate_by !== undefined) {
    if (!Array.isArray(entry.isolate_by)) fields.fail('cache.isolate_by', 'expected a list of attribution keys, e.g. [team]')
    else cache.isolateBy = entry.isolate_by.flatMap((key, index) => fields.string(key, `cache.isolate_by[${index}]`) ?? [])
  }
  return cache
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
