import { describe, expect, it } from 'vitest'
import { resourceMethodAt } from './resource-method-at.js'

describe('resourceMethodAt', () => {
  const images = { generate: () => undefined, edit: () => undefined }
  const client = { images, audio: { speech: { create: () => undefined } } }

  it('finds the resource that has the method', () => {
    expect(resourceMethodAt(client, ['images'], 'generate')).toBe(images)
    expect(resourceMethodAt(client, ['audio', 'speech'], 'create')).toBe(client.audio.speech)
  })

  it('returns undefined for a missing resource or method', () => {
    expect(resourceMethodAt(client, ['videos'], 'create')).toBeUndefined()
    expect(resourceMethodAt(client, ['images'], 'create')).toBeUndefined()
  })
})
