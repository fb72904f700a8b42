import { describe, expect, it } from 'vitest'
import { addInputContentAttributes, addOutputContentAttributes } from './content-attributes.js'

describe('content attributes', () => {
  it('writes input messages and system instructions as JSON strings', () => {
    const attributes = addInputContentAttributes(
      {},
      { input: [{ role: 'user', parts: [{ type: 'text', content: 'hi' }] }], system: [{ type: 'text', content: 'be brief' }] },
    )
    expect(attributes).toEqual({
      'gen_ai.input.messages': '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]',
      'gen_ai.system_instructions': '[{"type":"text","content":"be brief"}]',
    })
  })

  it('writes output messages and skips empty lists', () => {
    expect(addInputContentAttributes({}, { input: [], system: [] })).toEqual({})
    expect(addOutputContentAttributes({}, [])).toEqual({})
    expect(addOutputContentAttributes({}, [{ role: 'assistant', parts: [{ type: 'text', content: 'ok' }], finish_reason: 'stop' }])).toEqual({
      'gen_ai.output.messages': '[{"role":"assistant","parts":[{"type":"text","content":"ok"}],"finish_reason":"stop"}]',
    })
  })
})
