import type { CallRequest } from '@finops-ai/core'
import { objectField } from './operation-request.js'

/**
 * The `gen_ai.output.type` of a text-producing call from its format object (Chat Completions'
 * `response_format`, Responses' `text.format`): `json` for `json_object` and `json_schema`, else `text`.
 */
export function jsonOrText(format: unknown): NonNullable<CallRequest['outputType']> {
  const type = objectField(format)?.type
  return type === 'json_object' || type === 'json_schema' ? 'json' : 'text'
}
