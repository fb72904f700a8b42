import { describe, expect, it } from 'vitest'
import { slackMessage } from './slack-message.js'

describe('slackMessage', () => {
  it('escapes what Slack would read as markup or a link', () => {
    const message = slackMessage({ type: 'circuit_closed', policy: 'p', key: '', at: new Date(0) }, "Breaker of 'a<b>&c' closed.")
    expect(message.text).toBe("Breaker of 'a&lt;b&gt;&amp;c' closed.")
    expect(message.blocks[0]).toEqual({ type: 'section', text: { type: 'mrkdwn', text: message.text } })
  })
})
