/** Where a client sends its calls: `gen_ai.provider.name` and `server.address`/`server.port`. */
export interface ProviderEndpoint {
  /** `gen_ai.provider.name`, e.g. `openai`, `anthropic`, `azure.ai.openai`, `aws.bedrock`. */
  provider: string
  /** Host and port of the base URL; absent when the base URL cannot be parsed. */
  server?: { address: string; port?: number }
}

/** A client's `baseURL` as a `URL`, or `undefined` when it is not a string or not a URL. */
export function parseBaseURL(value: unknown): URL | undefined {
  if (typeof value !== 'string') return undefined
  try {
    return new URL(value)
  } catch {
    return undefined
  }
}

/**
 * `server.address` and `server.port` of a base URL: the host name (an IPv6 literal without its
 * brackets) and the explicit port, else 443 for `https:` and 80 for `http:`.
 */
export function serverOfURL(url: URL): NonNullable<ProviderEndpoint['server']> {
  const address = url.hostname.replace(/^\[(.*)\]$/, '$1')
  const port = url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : url.protocol === 'http:' ? 80 : undefined
  return port === undefined ? { address } : { address, port }
}
