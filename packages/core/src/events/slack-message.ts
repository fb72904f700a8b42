import type { FinOpsEvent } from '../engine/finops-event.js'

/** A Slack incoming-webhook message: `text` is the notification, `blocks` what the channel shows. */
export interface SlackMessage {
  text: string
  blocks: Array<
    | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
    | { type: 'context'; elements: Array<{ type: 'mrkdwn'; text: string }> }
  >
}

/** Slack's mrkdwn gives `&`, `<` and `>` a meaning: policy keys may hold any attribution value. */
function escapeMrkdwn(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;')
}

/** The Slack message of `event`, whose one-sentence `summary` is the text. */
export function slackMessage(event: FinOpsEvent, summary: string): SlackMessage {
  const text = escapeMrkdwn(summary)
  return {
    text,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: `finops-ai · \`${event.type}\` · ${event.at.toISOString()}` }] },
    ],
  }
}
