// API keys as providers print them (OpenAI `sk-…`, Anthropic `sk-ant-…`), and bearer tokens.
const secretPattern = /\b(sk-[A-Za-z0-9_-]{6,}|Bearer\s+[A-Za-z0-9._~+/=-]{6,})/g

/**
 * `text` with API keys and bearer tokens replaced by `[REDACTED]`. Provider error messages may echo
 * the key that was sent ("Incorrect API key provided: sk-…"); they must not reach spans.
 */
export function redactSecrets(text: string): string {
  return text.includes('sk-') || text.includes('Bearer') ? text.replace(secretPattern, '[REDACTED]') : text
}
