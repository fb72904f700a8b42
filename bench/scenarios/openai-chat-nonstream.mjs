import { createOtelSdk } from '../lib/otel-sdk.mjs'
import { loadInstrumentedOpenAI } from '../lib/openai-setup.mjs'
import { nonstreamTargets, runNonstream } from '../lib/openai-nonstream.mjs'

const name = 'openai6.chat.nonstream'

/**
 * One non-streamed `chat.completions.create` per operation on `openai` 6.x (see
 * bench/lib/openai-nonstream.mjs), with `@opentelemetry/instrumentation-openai` as the reference:
 * it supports `openai` ">=4.19.0 <7", so this is where the two are compared.
 */
export const scenario = {
  name,
  requires: [
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
    ['@finops-ai/openai', ['withFinOps']],
  ],
  targets: nonstreamTargets(name, true),
}

export async function run({ quick, solo }) {
  const sdk = createOtelSdk()
  const { OpenAI, version, instrumentation } = loadInstrumentedOpenAI(sdk)
  return runNonstream({ name, OpenAI, version, sdk, instrumentation, quick, solo })
}
