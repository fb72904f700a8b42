import OpenAI from 'openai'
import { describe, expect, it } from 'vitest'
import { fakeProvider } from './fake-provider.js'
import { hostedToolItems } from './openai-hosted-tool-items.js'

const counter = () => {
  let next = 0
  return (prefix: string) => `${prefix}${(next += 1)}`
}

describe('hostedToolItems', () => {
  it('makes one completed call per hosted tool, none for functions', () => {
    const tools = [
      { type: 'web_search' },
      { type: 'file_search', vector_store_ids: ['vs_1'] },
      { type: 'code_interpreter', container: { type: 'auto' } },
      { type: 'code_interpreter', container: 'cntr_mine' },
      { type: 'function', name: 'lookup' },
    ]
    expect(hostedToolItems({ input: 'otters', tools }, counter())).toEqual([
      { id: 'ws_fake_1', type: 'web_search_call', status: 'completed', action: { type: 'search', query: 'otters' } },
      { id: 'fs_fake_2', type: 'file_search_call', status: 'completed', queries: ['otters'], results: null },
      { id: 'ci_fake_4', type: 'code_interpreter_call', status: 'completed', code: 'print(1)', container_id: 'cntr_fake_3', outputs: null },
      { id: 'ci_fake_5', type: 'code_interpreter_call', status: 'completed', code: 'print(1)', container_id: 'cntr_mine', outputs: null },
    ])
  })
})

describe('POST /v1/responses with hosted tools', () => {
  it('puts the hosted calls before the reply, streamed at their own output indices', async () => {
    const provider = await fakeProvider()
    try {
      const openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
      const tools: OpenAI.Responses.Tool[] = [{ type: 'web_search' }, { type: 'code_interpreter', container: { type: 'auto' } }]
      const response = await openai.responses.create({ model: 'gpt-4o', input: 'otters', tools })
      expect(response.output.map((item) => item.type)).toEqual(['web_search_call', 'code_interpreter_call', 'message'])
      const stream = await openai.responses.create({ model: 'gpt-4o', input: 'otters', tools, stream: true })
      const added: [string, number][] = []
      let completed: OpenAI.Responses.Response | undefined
      for await (const event of stream) {
        if (event.type === 'response.output_item.added') added.push([event.item.type, event.output_index])
        if (event.type === 'response.completed') completed = event.response
      }
      expect(added).toEqual([
        ['web_search_call', 0],
        ['code_interpreter_call', 1],
        ['message', 2],
      ])
      expect(completed?.output.map((item) => item.type)).toEqual(['web_search_call', 'code_interpreter_call', 'message'])
    } finally {
      await provider.close()
    }
  })
})
