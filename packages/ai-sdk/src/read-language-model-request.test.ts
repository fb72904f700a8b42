import { describe, expect, it } from 'vitest'
import type { LanguageModelCallOptions } from './ai-sdk-types.js'
import { readLanguageModelRequest } from './read-language-model-request.js'

const prompt: LanguageModelCallOptions['prompt'] = [
  { role: 'system', content: 'Be brief.' },
  { role: 'user', content: [{ type: 'text', text: 'What does a token cost?' }] },
]

describe('readLanguageModelRequest', () => {
  it('reads the model, the input estimate, the output limit and the sampling parameters', () => {
    const params: LanguageModelCallOptions = { prompt, maxOutputTokens: 64, temperature: 0.2, topP: 0.9, stopSequences: ['END'], seed: 7 }
    expect(readLanguageModelRequest({ provider: 'openai.chat', modelId: 'gpt-4o' }, params, true)).toEqual({
      operation: 'chat',
      model: 'gpt-4o',
      stream: true,
      // 'Be brief.' + 'What does a token cost?' = 32 characters, 4 per token.
      estimatedInputTokens: 8,
      maxOutputTokens: 64,
      parameters: { temperature: 0.2, topP: 0.9, stopSequences: ['END'], seed: 7 },
    })
  })

  it('names legacy completions text_completion and reads the requested OpenAI service tier', () => {
    const params: LanguageModelCallOptions = { prompt, providerOptions: { openai: { serviceTier: 'flex' } } }
    const request = readLanguageModelRequest({ provider: 'openai.completion', modelId: 'gpt-3.5-turbo-instruct' }, params, false)
    expect(request).toMatchObject({ operation: 'text_completion', stream: false, serviceTier: 'flex' })
    expect(request.maxOutputTokens).toBeUndefined()
  })

  it('reserves an image file part at the image allowance, and nothing for a PDF file part', () => {
    const params = {
      prompt: [
        {
          role: 'user',
          content: [
            { type: 'file', mediaType: 'image/png', data: 'iVBORw0KGgo=' },
            { type: 'file', mediaType: 'application/pdf', data: 'JVBERi0=' },
            { type: 'text', text: '預算' },
          ],
        },
      ],
    } as unknown as LanguageModelCallOptions
    expect(readLanguageModelRequest({ provider: 'openai.chat', modelId: 'gpt-4o' }, params, false).estimatedInputTokens).toBe(1_600 + 6)
  })
})
