// What a user's CI runs: the application's model calls against the fake provider, with the
// telemetry captured and every call required to carry a team and a feature.
import { captureTelemetry, fakeProvider, type FakeProvider } from '@finops-ai/testing'
import { afterAll, beforeAll, it } from 'vitest'
import { checkAttribution } from './check-attribution.js'
import { createOpenAI } from './openai-client.js'
import { createSupportBot } from './support-bot.js'

const telemetry = captureTelemetry()
let provider: FakeProvider

beforeAll(async () => {
  provider = await fakeProvider()
})
afterAll(async () => {
  await provider.close()
  await telemetry.shutdown()
})

it('attributes every model call to a team and a feature', async () => {
  await checkAttribution(telemetry, createSupportBot, createOpenAI(provider.openaiBaseURL))
})
