import { createFinOps } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import OpenAI from 'openai'

/** The application's engine: every call must say which team and feature it is for. */
export const finops = createFinOps({ attribution: { required: ['team', 'feature'] } })

/** The application's one OpenAI client: wrapped, with the owning team as its default attribution. */
export function createOpenAI(baseURL?: string): OpenAI {
  return withFinOps(new OpenAI({ baseURL, apiKey: process.env.OPENAI_API_KEY ?? 'test' }), {
    finops,
    attribution: { team: 'customer-support' },
  })
}
