import { createOtelSdk } from '../lib/otel-sdk.mjs'
import { loadLatestOpenAI } from '../lib/openai-setup.mjs'
import { nonstreamTargets, runNonstream } from '../lib/openai-nonstream.mjs'

const name = 'openai7.chat.nonstream'

/**
 * One non-streamed `chat.completions.create` per operation on `openai` 7.x, loaded as CommonJS
 * (see bench/lib/openai-nonstream.mjs). No reference instrumentation: none supports `openai` 7.
 */
export const scenario = {
  name,
  requires: [
    ['@finops-ai/core', ['createFinOps', 'memoryStore']],
    ['@finops-ai/openai', ['withFinOps']],
  ],
  targets: nonstreamTargets(name, false),
}

export async function run({ quick, solo }) {
  const { OpenAI, version } = loadLatestOpenAI()
  return runNonstream({ name, OpenAI, version, sdk: createOtelSdk(), quick, solo })
}
