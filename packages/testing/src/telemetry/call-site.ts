import type { Attributes } from '@opentelemetry/api'

/**
 * Span attributes, from the OTel `code.*` conventions, that may locate the application code that
 * made a call: the stable names first, then the older names they replaced.
 */
export const callSiteAttributes = {
  filePath: ['code.file.path', 'code.filepath'],
  lineNumber: ['code.line.number', 'code.lineno'],
  columnNumber: ['code.column.number', 'code.column'],
  functionName: ['code.function.name', 'code.function'],
  stacktrace: ['code.stacktrace'],
} as const

function first(attributes: Attributes, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = attributes[name]
    if ((typeof value === 'string' && value !== '') || typeof value === 'number') return String(value)
  }
  return undefined
}

/**
 * Where the call of a span was made, e.g. `src/support.ts:42:7 (answerTicket)`, from `code.file.path`,
 * `code.line.number`, `code.column.number` and `code.function.name`; else the first frame of
 * `code.stacktrace`; `undefined` when the span carries neither.
 */
export function callSite(attributes: Attributes): string | undefined {
  const file = first(attributes, callSiteAttributes.filePath)
  const functionName = first(attributes, callSiteAttributes.functionName)
  if (file !== undefined) {
    const line = first(attributes, callSiteAttributes.lineNumber)
    const column = line === undefined ? undefined : first(attributes, callSiteAttributes.columnNumber)
    const position = [file, line, column].filter((part) => part !== undefined).join(':')
    return functionName === undefined ? position : `${position} (${functionName})`
  }
  const stacktrace = first(attributes, callSiteAttributes.stacktrace)
  const frame = stacktrace
    ?.split('\n')
    .map((line) => line.trim())
    .find((line) => line.startsWith('at '))
  if (frame !== undefined) return frame.slice(3)
  return functionName
}
