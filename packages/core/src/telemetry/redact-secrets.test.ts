import { describe, expect, it } from 'vitest'
import { redactSecrets } from './redact-secrets.js'

describe('redactSecrets', () => {
  it('redacts OpenAI and Anthropic keys and bearer tokens', () => {
    expect(redactSecrets('Incorrect API key provided: sk-test-SECRET-123. Find your key at …')).toBe(
      'Incorrect API key provided: [REDACTED]. Find your key at …',
    )
    expect(redactSecrets('invalid x-api-key sk-ant-api03-abcDEF_123')).toBe('invalid x-api-key [REDACTED]')
    expect(redactSecrets('Authorization: Bearer eyJhbGciOi.payload.sig')).toBe('Authorization: [REDACTED]')
  })

  it('leaves ordinary messages untouched', () => {
    const message = '429 Rate limit reached for gpt-4o in organization org-abc on tokens per min (TPM)'
    expect(redactSecrets(message)).toBe(message)
  })
})
