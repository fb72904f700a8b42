import type { EmbeddingModelMiddleware, ImageModelMiddleware, LanguageModelMiddleware } from 'ai'

/** What `wrapGenerate` receives: `doGenerate`, `doStream`, the call's `params` and the `model`. */
export type WrapGenerateOptions = Parameters<NonNullable<LanguageModelMiddleware['wrapGenerate']>>[0]

/** What `wrapStream` receives. */
export type WrapStreamOptions = Parameters<NonNullable<LanguageModelMiddleware['wrapStream']>>[0]

/** The result of a language model's `doGenerate`. */
export type GenerateResult = Awaited<ReturnType<WrapGenerateOptions['doGenerate']>>

/** The result of a language model's `doStream`. */
export type StreamResult = Awaited<ReturnType<WrapStreamOptions['doStream']>>

/** One part of a language model's stream. */
export type StreamPart = StreamResult['stream'] extends ReadableStream<infer Part> ? Part : never

/** The call options of a language model call. */
export type LanguageModelCallOptions = WrapGenerateOptions['params']

/** What `wrapEmbed` receives: `doEmbed`, the call's `params` and the `model`. */
export type WrapEmbedOptions = Parameters<NonNullable<EmbeddingModelMiddleware['wrapEmbed']>>[0]

/** The result of an embedding model's `doEmbed`. */
export type EmbedResult = Awaited<ReturnType<WrapEmbedOptions['doEmbed']>>

/** What an image model middleware's `wrapGenerate` receives: `doGenerate`, the call's `params` and the `model`. */
export type WrapImageGenerateOptions = Parameters<NonNullable<ImageModelMiddleware['wrapGenerate']>>[0]

/** The result of an image model's `doGenerate`. */
export type ImageGenerateResult = Awaited<ReturnType<WrapImageGenerateOptions['doGenerate']>>
