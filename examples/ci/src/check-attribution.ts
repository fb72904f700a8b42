import { expectAllCallsAttributed, type TelemetryCapture } from '@finops-ai/testing'
import type OpenAI from 'openai'
import type { createSupportBot } from './support-bot.js'

/**
 * The CI check: exercise every code path that calls a model, then assert each call carried the
 * required attribution. Throws, naming each offending call and its code location, when one did not.
 */
export async function checkAttribution(
  telemetry: TelemetryCapture,
  makeBot: typeof createSupportBot,
  openai: OpenAI,
): Promise<void> {
  const bot = makeBot(openai)
  const ticket = { user: 'k.herings', text: 'Where is my parcel?' }
  await bot.answer(ticket)
  await bot.summarise(ticket)
  expectAllCallsAttributed(telemetry, { required: ['team', 'feature'] })
}
