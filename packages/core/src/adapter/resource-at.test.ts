import { describe, expect, it } from 'vitest'
import { resourceAt } from './resource-at.js'

describe('resourceAt', () => {
  it('finds a nested resource with a create method', () => {
    const messages = { create: () => 'sent' }
    expect(resourceAt({ beta: { messages } }, ['beta', 'messages'])).toBe(messages)
  })

  it('is undefined for a missing resource or one without create', () => {
    expect(resourceAt({}, ['beta', 'messages'])).toBeUndefined()
    expect(resourceAt({ messages: { list: () => [] } }, ['messages'])).toBeUndefined()
  })
})
