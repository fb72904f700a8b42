import OpenAI from 'openai'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fakeProvider, type FakeProvider } from './fake-provider.js'

let provider: FakeProvider
let openai: OpenAI

beforeAll(async () => {
  provider = await fakeProvider()
  openai = new OpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test' })
})
afterAll(() => provider.close())

describe('POST /v1/decisions', () => {
  it('answers each question in its type, one output token each', async () => {
    const decision = await openai.decisions.create({
      model: 'gpt-4o-mini',
      input: 'one two three',
      questions: [
        { type: 'predicate', name: 'is_list', instructions: 'is it a list' },
        { type: 'choice', instructions: 'which', choices: [{ value: 'a' }, { value: 'b' }] },
        { type: 'score', instructions: 'how good', levels: [{ label: 'poor' }, { label: 'good' }] },
      ],
    })
    expect(decision.answers.map((answer) => answer.type)).toEqual(['predicate', 'choice', 'score'])
    expect(decision.answers[1]).toMatchObject({ choice: 'a' })
    expect(decision).toMatchObject({ model: 'gpt-4o-mini', usage: { input_tokens: 3 + 4 + 1 + 2, output_tokens: 3 } })
  })
})
