import type { RequestParameters } from '@finops-ai/core'
import { numberField, type RequestBody } from './operation-request.js'

/**
 * The `gen_ai.request.*` sampling parameters shared by chat, legacy completions and Responses:
 * `temperature`, `top_p`, `frequency_penalty`, `presence_penalty`, `stop`, `seed`, `n`.
 * Returns `undefined` when none is set.
 */
export function readSamplingParameters(body: RequestBody): RequestParameters | undefined {
  let parameters: RequestParameters | undefined
  const set = <K extends keyof RequestParameters>(key: K, value: RequestParameters[K] | undefined) => {
    if (value !== undefined) (parameters ??= {})[key] = value
  }
  set('temperature', numberField(body.temperature))
  set('topP', numberField(body.top_p))
  set('frequencyPenalty', numberField(body.frequency_penalty))
  set('presencePenalty', numberField(body.presence_penalty))
  set('seed', numberField(body.seed))
  set('choiceCount', numberField(body.n))
  const stop = body.stop
  if (typeof stop === 'string') set('stopSequences', [stop])
  else if (Array.isArray(stop)) set('stopSequences', stop.filter((item): item is string => typeof item === 'string'))
  return parameters
}
