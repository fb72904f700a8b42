import { withAttribution, type Attribution } from '@finops-ai/core'
import type { RequestHandler } from 'express'

/** Finds the attribution of a bearer token; `undefined` rejects the request with 401. */
export type TokenResolver = (token: string) => Attribution | undefined

/**
 * Express middleware: reads `Authorization: Bearer <token>`, resolves it to attribution
 * (`user`, `team`, ...) and runs the rest of the request inside `withAttribution`, so every model
 * call a later handler makes — after any number of `await`s — carries it. Requests without a
 * known token get 401 and never reach a handler.
 *
 * `withAttribution` wraps `next()`: Express 5 calls the following middleware and the route handler
 * from inside `next()`, and the promises they create keep the AsyncLocalStorage scope.
 */
export function attributionFromBearer(resolve: TokenResolver): RequestHandler {
  return (request, response, next) => {
    const header = request.get('authorization') ?? ''
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1]
    const attribution = token === undefined ? undefined : resolve(token)
    if (attribution === undefined) {
      response.status(401).set('WWW-Authenticate', 'Bearer').json({ error: 'unauthorized' })
      return
    }
    withAttribution(attribution, () => next())
  }
}
