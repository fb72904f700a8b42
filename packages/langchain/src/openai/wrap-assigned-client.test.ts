import { describe, expect, it } from 'vitest'
import { wrapAssignedClient } from './wrap-assigned-client.js'

/** Creates its client lazily on first use, the way LangChain's OpenAI models do. */
class LazyModel {
  client?: { id: number }
  created = 0

  call(): { id: number } {
    if (!this.client) {
      this.created += 1
      this.client = { id: this.created }
    }
    return this.client
  }
}

/** A wrap that records what it saw and marks the client, idempotently. */
function marking() {
  const seen: object[] = []
  const wrap = (client: object): object => {
    seen.push(client)
    return Object.assign(client, { wrapped: true })
  }
  return { seen, wrap }
}

describe('wrapAssignedClient', () => {
  it('wraps the client the model assigns on its first call, before the model uses it', () => {
    const { seen, wrap } = marking()
    const model = wrapAssignedClient(new LazyModel(), wrap)
    const used = model.call()
    expect(used).toMatchObject({ id: 1, wrapped: true })
    expect(model.call()).toBe(used)
    expect(model.created).toBe(1)
    expect(seen).toEqual([used])
  })

  it('wraps a client already present, and every client assigned later', () => {
    const { seen, wrap } = marking()
    const model = new LazyModel()
    const first = model.call()
    wrapAssignedClient(model, wrap)
    expect(model.client).toMatchObject({ id: 1, wrapped: true })
    model.client = { id: 7 }
    expect(model.client).toMatchObject({ id: 7, wrapped: true })
    expect(seen).toEqual([first, { id: 7, wrapped: true }])
  })

  it('leaves a missing client missing, so lazy creation still happens', () => {
    const { seen, wrap } = marking()
    const model = wrapAssignedClient(new LazyModel(), wrap)
    model.client = undefined
    expect(model.client).toBeUndefined()
    expect(seen).toEqual([])
    expect(model.call()).toMatchObject({ id: 1, wrapped: true })
  })
})
