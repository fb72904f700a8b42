import { ConfigError } from '@finops-ai/core'
import { afterEach, describe, expect, it } from 'vitest'
import { adminKeyOf, importProviderSdk } from './provider-sdk.js'

const range = { from: new Date('2026-11-01T00:00:00Z'), to: new Date('2026-11-02T00:00:00Z') }
const saved = process.env.ANTHROPIC_ADMIN_KEY
afterEach(() => {
  if (saved === undefined) delete process.env.ANTHROPIC_ADMIN_KEY
  else process.env.ANTHROPIC_ADMIN_KEY = saved
})

describe('adminKeyOf', () => {
  it('prefers the option, then the environment variable', () => {
    process.env.ANTHROPIC_ADMIN_KEY = 'from-env'
    expect(adminKeyOf('anthropic', { ...range, adminKey: 'given' })).toBe('given')
    expect(adminKeyOf('anthropic', range)).toBe('from-env')
  })

  it('names the variable to set when there is no key', () => {
    delete process.env.ANTHROPIC_ADMIN_KEY
    expect(() => adminKeyOf('anthropic', range)).toThrow(/set ANTHROPIC_ADMIN_KEY/)
  })
})

describe('importProviderSdk', () => {
  it('says which package to install when the import fails', async () => {
    const error = await importProviderSdk('openai', () => Promise.reject(new Error("Cannot find package 'openai'"))).catch((caught: unknown) => caught)
    expect(ConfigError.isInstance(error) && error.message).toBe("finops-ai config: provider: reconciling openai needs the 'openai' package: npm install openai")
  })
})
