import { withAttribution } from '@finops-ai/core'
import type OpenAI from 'openai'

/** A support ticket from a signed-in user. */
export interface Ticket {
  user: string
  text: string
}

/** The application code under CI: every model call runs inside an attribution scope. */
export function createSupportBot(openai: OpenAI) {
  return {
    answer: (ticket: Ticket) =>
      withAttribution({ user: ticket.user, feature: 'support-rag' }, () =>
        openai.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: ticket.text }] }),
      ),
    summarise: (ticket: Ticket) =>
      withAttribution({ user: ticket.user, feature: 'ticket-summary' }, () =>
        openai.responses.create({ model: 'gpt-4o-mini', input: `Summarise: ${ticket.text}` }),
      ),
  }
}
