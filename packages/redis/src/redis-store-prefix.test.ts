import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { redisStore } from './redis-store.js'

// Construction only: no command is ever sent, so an adapter-shaped client that answers nothing suffices.
const client = { evalsha: () => Promise.resolve([]), eval: () => Promise.resolve([]) }

describe('redisStore prefix', () => {
  it.each(['', '{tenant}', 'a{b', 'a}b'])('rejects %j with a ConfigError at redisStore.prefix (it would not be one hash tag)', (prefix) => {
    expect(() => redisStore({ client, prefix })).toThrow(ConfigError)
    expect(() => redisStore({ client, prefix })).toThrow(/redisStore\.prefix/)
  })

  it('accepts any other non-empty prefix', () => {
    expect(() => redisStore({ client, prefix: 'tenant:42' })).not.toThrow()
  })
})
