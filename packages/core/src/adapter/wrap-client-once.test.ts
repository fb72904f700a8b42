import { diag, DiagLogLevel } from '@opentelemetry/api'
import { afterEach, describe, expect, it } from 'vitest'
import type { CallPath } from '../call/call-path.js'
import { isWrappedClient, WRAPPED_CLIENT, wrapClientOnce } from './wrap-client-once.js'

class Client {
  constructor(readonly options: { tag: string }) {}
  create(): string {
    return `sent by ${this.options.tag}`
  }
  withOptions(options: { tag: string }): Client {
    return new Client(options)
  }
}

const patchCreate = (client: object) => {
  const target = client as Client
  const original = target.create
  target.create = function create(this: Client) {
    return `observed ${original.call(this)}`
  }
}

describe('wrapClientOnce', () => {
  it('patches the instance, marks it and returns it', () => {
    const client = new Client({ tag: 'a' })
    expect(wrapClientOnce(client, patchCreate)).toBe(client)
    expect(client.create()).toBe('observed sent by a')
    expect(isWrappedClient(client)).toBe(true)
    expect(new Client({ tag: 'b' }).create()).toBe('sent by b')
  })

  it('leaves a wrapped client as it is when wrapped again', () => {
    const client = wrapClientOnce(new Client({ tag: 'a' }), patchCreate)
    expect(wrapClientOnce(client, patchCreate)).toBe(client)
    expect(client.create()).toBe('observed sent by a')
  })

  it('wraps the clones that withOptions returns, and theirs', () => {
    const client = wrapClientOnce(new Client({ tag: 'a' }), patchCreate)
    const clone = client.withOptions({ tag: 'b' })
    expect(clone.create()).toBe('observed sent by b')
    expect(clone.withOptions({ tag: 'c' }).create()).toBe('observed sent by c')
    expect(isWrappedClient(clone)).toBe(true)
  })

  it('marks with a symbol shared across copies', () => {
    expect(WRAPPED_CLIENT).toBe(Symbol.for('@finops-ai/wrapped-client'))
    expect(isWrappedClient(null)).toBe(false)
    expect(isWrappedClient({})).toBe(false)
  })

  describe('wrapping again with another engine', () => {
    afterEach(() => diag.disable())

    const captureWarnings = (): string[] => {
      const warnings: string[] = []
      const ignore = () => {}
      diag.setLogger({ error: ignore, warn: (message) => void warnings.push(message), info: ignore, debug: ignore, verbose: ignore }, { logLevel: DiagLogLevel.WARN, suppressOverrideMessage: true })
      return warnings
    }

    /** A call path that only counts the wraps it was told were ignored. */
    const countingPath = (): CallPath & { ignored: number } => ({
      ignored: 0,
      begin: () => {
        throw new Error('not called')
      },
      wrapIgnored() {
        this.ignored += 1
      },
    })

    it('is ignored with one diag warning and one wrapIgnored per client, also on withOptions clones', () => {
      const warnings = captureWarnings()
      const [first, second] = [countingPath(), countingPath()]
      const client = wrapClientOnce(new Client({ tag: 'a' }), patchCreate, first)
      wrapClientOnce(client, patchCreate, second)
      wrapClientOnce(client, patchCreate, second)
      expect(client.create()).toBe('observed sent by a')
      expect(warnings).toHaveLength(1)
      expect(warnings[0]).toContain('already wrapped with another finops-ai engine; the second wrap is ignored')
      expect([first.ignored, second.ignored]).toEqual([0, 1])
      wrapClientOnce(client.withOptions({ tag: 'b' }), patchCreate, second)
      expect(warnings).toHaveLength(2)
      expect(second.ignored).toBe(2)
    })

    it('says nothing when the same engine wraps again', () => {
      const warnings = captureWarnings()
      const engine = countingPath()
      const client = wrapClientOnce(new Client({ tag: 'a' }), patchCreate, engine)
      wrapClientOnce(client, patchCreate, engine)
      expect(warnings).toEqual([])
      expect(engine.ignored).toBe(0)
    })
  })
})
