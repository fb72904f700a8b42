import { describe, expect, it } from 'vitest'
import type { ScriptClient } from './clients/script-client.js'
import { runScript } from './run-script.js'
import { redisScript } from './scripts/redis-script.js'

const script = redisScript('echo', 'return ARGV[1]')

/** A client double that knows the scripts it was sent with EVAL, like Redis's script cache. */
class ScriptCacheClient implements ScriptClient {
  readonly calls: string[] = []
  private readonly cached = new Set<string>()
  constructor(private readonly failure?: Error) {}
  async evalSha(sha1: string, _keys: string[], args: string[]): Promise<unknown> {
    this.calls.push('evalsha')
    if (this.failure) throw this.failure
    if (!this.cached.has(sha1)) throw new Error('NOSCRIPT No matching script. Please use EVAL.')
    return args.at(-1)
  }
  async eval(source: string, _keys: string[], args: string[]): Promise<unknown> {
    this.calls.push('eval')
    this.cached.add(redisScript('any', source).sha1)
    return args.at(-1)
  }
}

describe('runScript', () => {
  it('sends the source with EVAL after NOSCRIPT, then runs by SHA1 alone', async () => {
    const client = new ScriptCacheClient()
    expect(await runScript(client, script, [], ['first'])).toBe('first')
    expect(await runScript(client, script, [], ['second'])).toBe('second')
    expect(client.calls).toEqual(['evalsha', 'eval', 'evalsha'])
  })

  it('passes other errors through without EVAL', async () => {
    const client = new ScriptCacheClient(new Error('Connection is closed.'))
    await expect(runScript(client, script, [], ['x'])).rejects.toThrow('Connection is closed.')
    expect(client.calls).toEqual(['evalsha'])
  })

  it('turns a synchronous client throw into a rejection', async () => {
    const client: ScriptClient = {
      evalSha: () => {
        throw new Error('sync')
      },
      eval: async () => 'unused',
    }
    await expect(runScript(client, script, [], [])).rejects.toThrow('sync')
  })
})
