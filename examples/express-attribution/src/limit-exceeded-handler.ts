import { LimitExceededError } from '@finops-ai/core'
import type { ErrorRequestHandler } from 'express'

/**
 * Express error middleware: a `LimitExceededError` (a guard denied the model call; nothing was
 * sent to the provider) becomes `429 Too Many Requests` with a `Retry-After` header in whole
 * seconds when the limit says when a retry can succeed. Every other error goes on to the next
 * error handler.
 */
export const limitExceededHandler: ErrorRequestHandler = (error: unknown, _request, response, next) => {
  if (!LimitExceededError.isInstance(error)) {
    next(error)
    return
  }
  if (error.retryAfterMs !== undefined) response.set('Retry-After', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))))
  response.status(429).json({ error: 'limit_exceeded', reason: error.reason, policy: error.policy })
}
