import type { Context, Exception } from '@opentelemetry/api'
import { SeverityNumber, type Logger } from '@opentelemetry/api-logs'
import { ATTR_EXCEPTION_MESSAGE, ATTR_EXCEPTION_STACKTRACE, ATTR_EXCEPTION_TYPE } from '@opentelemetry/semantic-conventions'
import { redactSecrets } from './redact-secrets.js'
import { EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION } from './semconv.js'

/** The logger to emit exception events with, or `null` when no logs SDK is registered. Looked up on failures only. */
export type ExceptionLoggerSource = () => Logger | null

/**
 * Emits the `gen_ai.client.operation.exception` event of a failed call on `logger`: a log record
 * with severity WARN (13), `exception.type`, `exception.message` and `exception.stacktrace` (any API
 * key the provider echoed redacted), in `context` so that it carries the call span's trace and span id.
 */
export function emitExceptionEvent(logger: Logger, error: unknown, context: Context): void {
  const exception = asException(error)
  const attributes: Record<string, string> = {}
  if (typeof exception === 'string') {
    attributes[ATTR_EXCEPTION_MESSAGE] = exception
  } else {
    if (exception.name !== undefined) attributes[ATTR_EXCEPTION_TYPE] = exceptionType(error, exception.name)
    if (exception.message !== undefined) attributes[ATTR_EXCEPTION_MESSAGE] = exception.message
    if (exception.stack !== undefined) attributes[ATTR_EXCEPTION_STACKTRACE] = exception.stack
  }
  logger.emit({
    eventName: EVENT_GEN_AI_CLIENT_OPERATION_EXCEPTION,
    severityNumber: SeverityNumber.WARN,
    severityText: 'WARN',
    attributes,
    context,
  })
}

/** The exception as recorded: name, message and stack with any API key the provider echoed redacted. */
export function asException(error: unknown): Exception {
  if (typeof error !== 'object' || error === null) return redactSecrets(String(error))
  const { name, stack } = error as { name?: unknown; stack?: unknown }
  const exception: Exception = { message: errorMessage(error) }
  if (typeof name === 'string') exception.name = name
  if (typeof stack === 'string') exception.stack = redactSecrets(stack)
  return exception
}

/** The error's message (or its string form), redacted. */
export function errorMessage(error: unknown): string {
  if (typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string') {
    return redactSecrets((error as { message: string }).message)
  }
  return redactSecrets(String(error))
}

// The error's class (`RateLimitError`) when its name is the generic `Error`, else its name (`AbortError`).
function exceptionType(error: unknown, name: string): string {
  if (name !== 'Error') return name
  const className = (error as { constructor?: { name?: unknown } }).constructor?.name
  return typeof className === 'string' && className !== '' && className !== 'Object' ? className : name
}
