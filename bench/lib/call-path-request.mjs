import { BENCH_ATTRIBUTION } from './bench-policies.mjs'

/**
 * What the OpenAI adapter hands the engine for the bench chat call (`CallRequest`), and what it
 * reports when the call succeeds (`CallResult`): the guards scenarios drive the engine's call
 * path with these directly, without an SDK in between.
 */
export function benchCallRequest(attribution = BENCH_ATTRIBUTION) {
  return {
    provider: 'openai',
    operation: 'chat',
    model: 'gpt-4o-mini',
    stream: false,
    maxOutputTokens: 256,
    estimatedInputTokens: 40,
    server: { address: 'api.openai.com', port: 443 },
    clientAttribution: attribution,
  }
}

export const BENCH_CALL_RESULT = Object.freeze({
  usage: Object.freeze({ inputTokens: 31, outputTokens: 12 }),
  responseId: 'chatcmpl-bench',
  responseModel: 'gpt-4o-mini-2024-07-18',
  finishReasons: Object.freeze(['stop']),
})
