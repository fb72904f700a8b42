import { createFinOps, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { ChatOpenAI, ChatOpenAICompletions, ChatOpenAIResponses, type ChatOpenAIFields } from '@langchain/openai'
import type OpenAI from 'openai'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { routeChatOpenAI } from './route-chat-openai.js'

let provider: FakeProvider
beforeAll(async () => {
  provider = await fakeProvider()
})
afterEach(() => provider.reset())
afterAll(() => provider.close())

function routed(build: (fields: ChatOpenAIFields) => ChatOpenAI) {
  const records: UsageRecord[] = []
  const finops = createFinOps({ onUsage: (record) => void records.push(record) })
  const fields: ChatOpenAIFields = { model: 'gpt-4o-mini', apiKey: 'test', configuration: { baseURL: provider.openaiBaseURL } }
  const model = routeChatOpenAI(build(fields), (client) => withFinOps(client as OpenAI, { finops }))
  return { finops, model, records }
}

describe('routeChatOpenAI', () => {
  it('wraps the clients of the Chat Completions and the Responses delegates', async () => {
    const { finops, model, records } = routed(
      (fields) => new ChatOpenAI({ ...fields, completions: new ChatOpenAICompletions(fields), responses: new ChatOpenAIResponses(fields) }),
    )
    await model.invoke('Hi there')
    await model.invoke('Hi there', { previous_response_id: 'resp_1' })
    await finops.flush()
    expect(provider.requests.map((request) => request.path)).toEqual(['/v1/chat/completions', '/v1/responses'])
    expect(records).toHaveLength(2)
  })

  it('reaches the models withConfig derives when the delegates are in the constructor fields', async () => {
    const { finops, model, records } = routed(
      (fields) => new ChatOpenAI({ ...fields, completions: new ChatOpenAICompletions(fields), responses: new ChatOpenAIResponses(fields) }),
    )
    await model.withConfig({ stop: ['.'] }).invoke('Hi there')
    await finops.flush()
    expect(records).toHaveLength(1)
  })

  it('cannot reach them otherwise: withConfig builds new, unwrapped delegates (the bug finopsChatOpenAI avoids)', async () => {
    const { finops, model, records } = routed((fields) => new ChatOpenAI(fields))
    await model.invoke('Hi there')
    await model.withConfig({ stop: ['.'] }).invoke('Hi there')
    await finops.flush()
    expect(provider.requests).toHaveLength(2)
    expect(records).toHaveLength(1)
  })
})
