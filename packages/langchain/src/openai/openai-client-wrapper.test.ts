import { ConfigError, createFinOps, isWrappedClient } from '@finops-ai/core'
import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { openAIClientWrapper } from './openai-client-wrapper.js'

describe('openAIClientWrapper', () => {
  it('wraps each client with withFinOps, once', () => {
    const wrap = openAIClientWrapper({ finops: createFinOps(), attribution: { team: 'support' } }, 'finopsChatOpenAI')
    const client = new OpenAI({ apiKey: 'test' })
    expect(wrap(client)).toBe(client)
    expect(isWrappedClient(client)).toBe(true)
    expect(wrap(client)).toBe(client)
  })

  it('checks the attribution at once, naming the factory in the path', () => {
    const build = () => openAIClientWrapper({ attribution: { team: { id: 7 } as unknown as string } }, 'finopsOpenAIEmbeddings')
    expect(build).toThrow(ConfigError)
    expect(build).toThrow('finopsOpenAIEmbeddings.attribution.team: expected a string, a finite number or a boolean, got object')
  })
})
