import { describe, expect, it } from 'vitest'
import { addProviderAttributes } from './provider-attributes.js'

describe('addProviderAttributes', () => {
  it('records the attributes in the namespace of the provider only', () => {
    const attributes = { 'openai.api.type': 'responses', 'anthropic.x': 1, openaiish: true, 'openai.': 'edge' }
    expect(addProviderAttributes({}, attributes, 'openai')).toEqual({ 'openai.api.type': 'responses', 'openai.': 'edge' })
    expect(addProviderAttributes({}, attributes, 'azure.ai.openai')).toEqual({})
  })
})
