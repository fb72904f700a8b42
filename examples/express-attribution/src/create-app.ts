import { withAttribution } from '@finops-ai/core'
import express, { type Express } from 'express'
import type OpenAI from 'openai'
import { attributionFromBearer, type TokenResolver } from './attribution-middleware.js'
import { limitExceededHandler } from './limit-exceeded-handler.js'

/** Options of {@link createApp}. */
export interface AppOptions {
  /** An OpenAI client wrapped with `withFinOps`. */
  openai: OpenAI
  /** Resolves a bearer token to the caller's attribution. */
  resolveToken: TokenResolver
  /** Model of `POST /ask`. Default `'gpt-4o-mini'`. */
  model?: string
}

/**
 * The application: `POST /ask { "question": "..." }` answers with a chat completion.
 *
 * Attribution middleware runs first, so the JSON body parser, the route handler and its model call
 * all run inside the caller's attribution scope; the route adds its own `feature` in a nested scope.
 */
export function createApp({ openai, resolveToken, model = 'gpt-4o-mini' }: AppOptions): Express {
  const app = express()
  app.use(attributionFromBearer(resolveToken))
  app.use(express.json())

  app.post('/ask', async (request, response) => {
    const question = typeof request.body?.question === 'string' ? request.body.question : ''
    if (question === '') {
      response.status(400).json({ error: 'expected { "question": "..." }' })
      return
    }
    // An await before the model call: the attribution scope survives it.
    await new Promise((resolve) => setImmediate(resolve))
    const completion = await withAttribution({ feature: 'ask' }, () =>
      openai.chat.completions.create({ model, messages: [{ role: 'user', content: question }], max_tokens: 64 }),
    )
    response.json({ answer: completion.choices[0]?.message.content ?? '' })
  })

  app.use(limitExceededHandler)
  return app
}
