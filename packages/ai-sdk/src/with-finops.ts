import { ConfigError, isWrappedClient, WRAPPED_CLIENT } from '@finops-ai/core'
import { wrapEmbeddingModel, wrapImageModel, wrapLanguageModel } from 'ai'
import { finopsEmbeddingMiddleware } from './finops-embedding-middleware.js'
import { finopsImageMiddleware } from './finops-image-middleware.js'
import type { FinOpsMiddlewareOptions } from './finops-middleware-options.js'
import { finopsMiddleware } from './finops-middleware.js'

/** A language model object `wrapLanguageModel` accepts. */
type WrappableLanguageModel = Parameters<typeof wrapLanguageModel>[0]['model']
/** An embedding model object `wrapEmbeddingModel` accepts. */
type WrappableEmbeddingModel = Parameters<typeof wrapEmbeddingModel>[0]['model']
/** An image model object `wrapImageModel` accepts. */
type WrappableImageModel = Parameters<typeof wrapImageModel>[0]['model']
/** What {@link withFinOps} returns for one of the models it wraps. */
type WrappedModel = ReturnType<typeof wrapLanguageModel> | ReturnType<typeof wrapEmbeddingModel> | ReturnType<typeof wrapImageModel>

/**
 * Wraps an AI SDK language, embedding or image model so that every call goes through finops-ai:
 * `wrapLanguageModel` with {@link finopsMiddleware}, `wrapEmbeddingModel` with
 * {@link finopsEmbeddingMiddleware}, or `wrapImageModel` with {@link finopsImageMiddleware}. The
 * result is a new model for `generateText`, `streamText`, `generateObject`, `embed`, `embedMany`,
 * `generateImage`, ...; the given model is not changed. Wrapping a model
 * `withFinOps` returned gives it back unchanged (the first options stay).
 *
 * @throws ConfigError at `withFinOps.model` when `model` is not a model object (a model id string
 * is resolved by the AI SDK later, out of reach: wrap `gateway('openai/gpt-4o')` or the provider's
 * model instead) or is a model of a kind it does not meter (transcription, speech: the message says
 * how to meter those calls), or when the options are invalid.
 * @example
 * const model = withFinOps(openai('gpt-4o'), { attribution: { team: 'support' } })
 * await withAttribution({ feature: 'faq' }, () => generateText({ model, prompt }))
 */
export function withFinOps(model: WrappableLanguageModel, options?: FinOpsMiddlewareOptions): ReturnType<typeof wrapLanguageModel>
/** Wraps an AI SDK embedding model (`openai.embedding(...)`) with {@link finopsEmbeddingMiddleware}; see the overload above. */
export function withFinOps(model: WrappableEmbeddingModel, options?: Omit<FinOpsMiddlewareOptions, 'modelFor'>): ReturnType<typeof wrapEmbeddingModel>
/** Wraps an AI SDK image model (`openai.image(...)`) with {@link finopsImageMiddleware}; see the first overload. */
export function withFinOps(model: WrappableImageModel, options?: Omit<FinOpsMiddlewareOptions, 'modelFor'>): ReturnType<typeof wrapImageModel>
export function withFinOps(model: WrappableLanguageModel | WrappableEmbeddingModel | WrappableImageModel, options: FinOpsMiddlewareOptions = {}): WrappedModel {
  if (isWrappedClient(model)) return model as WrappedModel
  let wrapped: WrappedModel
  // Language models are the ones with `supportedUrls`: transcription models of @ai-sdk/openai 4 stream too.
  if (hasMethod(model, 'doStream') && 'supportedUrls' in (model as object)) {
    wrapped = wrapLanguageModel({ model: model as WrappableLanguageModel, middleware: finopsMiddleware(options) })
  } else if (hasMethod(model, 'doEmbed')) {
    wrapped = wrapEmbeddingModel({ model: model as WrappableEmbeddingModel, middleware: finopsEmbeddingMiddleware(options) })
  } else if (hasMethod(model, 'doGenerate') && 'maxImagesPerCall' in (model as object)) {
    wrapped = wrapImageModel({ model: model as WrappableImageModel, middleware: finopsImageMiddleware(options) })
  } else {
    throw new ConfigError({ path: 'withFinOps.model', detail: unwrappableModel(model) })
  }
  Object.defineProperty(wrapped, WRAPPED_CLIENT, { value: true })
  return wrapped
}

/**
 * Why `model` cannot be wrapped. A model object of a kind finops-ai does not meter (transcription,
 * speech, ...: its `provider` id names the kind, e.g. `openai.transcription`) gets a message saying
 * how to meter those calls instead, so they are not sent unseen.
 */
function unwrappableModel(model: unknown): string {
  const expected = "expected an AI SDK language, embedding or image model object such as openai('gpt-4o')"
  if (typeof model === 'string') return `${expected}, got the model id '${model}'`
  const provider = typeof model === 'object' && model !== null ? (model as { provider?: unknown }).provider : undefined
  if (typeof provider !== 'string') return `${expected}, got ${model === null ? 'null' : typeof model}`
  return (
    `${expected}, got a '${provider}' model, which finops-ai does not meter through the AI SDK: ` +
    'send these calls with the provider SDK wrapped by @finops-ai/openai or @finops-ai/anthropic, or through the finops-ai gateway, so they are priced and counted'
  )
}

function hasMethod(value: unknown, name: string): boolean {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>)[name] === 'function'
}
