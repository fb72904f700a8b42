import { describe, expect, it } from 'vitest'
import { StreamedChoices } from './streamed-choices.js'

describe('StreamedChoices', () => {
  it('accumulates the text and finish reason of each choice in index order', () => {
    const streamed = new StreamedChoices()
    streamed.add({ index: 1, delta: { content: 'B' } })
    streamed.add({ index: 0, delta: { role: 'assistant', content: 'Hel' } })
    streamed.add({ index: 0, delta: { content: 'lo' }, finish_reason: 'stop' })
    streamed.add({ index: 1, delta: {}, finish_reason: 'length' })
    expect(streamed.messages()).toEqual([
      { role: 'assistant', parts: [{ type: 'text', content: 'Hello' }], finish_reason: 'stop' },
      { role: 'assistant', parts: [{ type: 'text', content: 'B' }], finish_reason: 'length' },
    ])
  })

  it('reads legacy completion text', () => {
    const streamed = new StreamedChoices()
    streamed.add({ index: 0, text: 'a' })
    streamed.add({ index: 0, text: 'b', finish_reason: 'stop' })
    expect(streamed.messages()).toEqual([{ role: 'assistant', parts: [{ type: 'text', content: 'ab' }], finish_reason: 'stop' }])
  })
})
