import { objectField, stringField } from './operation-request.js'

/** `incomplete_details.reason` → the GenAI conventions' finish reason. */
const incompleteReasons: Readonly<Record<string, string>> = {
  max_output_tokens: 'length',
  content_filter: 'content_filter',
}

/**
 * The GenAI conventions' finish reason of a Responses API `Response` (whose own `status` is no
 * finish reason): `completed` → `tool_call` when its `output` holds a `function_call` item, else
 * `stop`; `incomplete` → `length` (`max_output_tokens`) or `content_filter` from
 * `incomplete_details.reason` (another reason is kept as it is); `failed` → `error`. `undefined`
 * for any other status (`in_progress`, `queued`, `cancelled`) or none.
 */
export function readResponseFinishReason(fields: Record<string, unknown>): string | undefined {
  switch (fields.status) {
    case 'completed':
      return hasFunctionCall(fields.output) ? 'tool_call' : 'stop'
    case 'incomplete': {
      const reason = stringField(objectField(fields.incomplete_details)?.reason)
      return reason === undefined ? undefined : (incompleteReasons[reason] ?? reason)
    }
    case 'failed':
      return 'error'
    default:
      return undefined
  }
}

function hasFunctionCall(output: unknown): boolean {
  return Array.isArray(output) && output.some((item) => objectField(item)?.type === 'function_call')
}
