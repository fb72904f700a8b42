import type { CallResult, OutputMessage, RequestContent } from '@finops-ai/core'
import { readChatContent, readChatOutputContent } from './chat-content.js'
import { readCompletionOutputContent, readPromptContent } from './completions-content.js'
import { readResponseOutputContent, readResponsesContent } from './responses-content.js'
import type { OperationRequest, RequestBody } from './operation-request.js'
import { readChatRequest } from './read-chat-request.js'
import { readCompletionResult } from './read-completion-result.js'
import { readCompletionsRequest } from './read-completions-request.js'
import { readEmbeddingsRequest } from './read-embeddings-request.js'
import { readEmbeddingsResult } from './read-embeddings-result.js'
import { readResponseResult } from './read-response-result.js'
import { readResponsesRequest } from './read-responses-request.js'
import { readDecisionsRequest } from './read-decisions-request.js'
import { readImageEditRequest, readImageGenerationRequest } from './read-images-request.js'
import { readImagesResult } from './read-images-result.js'
import { estimateSpeechResult, readSpeechRequest, readSpeechResult } from './read-speech-request.js'
import { estimateTranscriptionResult, readTranscriptionRequest } from './read-transcription-request.js'
import { readTranscriptionResult } from './read-transcription-result.js'

/** How the wrapper reads the calls of one SDK method (`chat.completions.create`, `images.generate`, ...). */
export interface OpenAIOperation {
  /** Path of the resource on the client, e.g. `['chat', 'completions']`. */
  resource: readonly string[]
  /** The method patched on that resource. Default `'create'`. */
  method?: 'create' | 'generate' | 'edit' | 'compact'
  /** Reads the call's parameters. */
  readRequest(body: RequestBody): OperationRequest
  /**
   * Reads a non-streamed response body. `estimate` is the call's {@link estimateResult} when the
   * operation has one, to settle when the body reports no usage.
   */
  readResult(body: unknown, estimatedInputTokens: number, estimate?: CallResult): CallResult
  /**
   * For operations whose response may report no usage (speech audio, plain-text transcripts): the
   * result read from the call's parameters, settled instead of the bare input estimate.
   */
  estimateResult?(body: RequestBody, request: OperationRequest): CallResult
  /** Reads the prompt in the semantic-convention structure; called only when content capture is on. */
  readContent(body: RequestBody): RequestContent
  /** Reads the completion of a non-streamed body; called only when content capture is on. Absent: no output content (embeddings). */
  readOutputContent?(body: unknown): OutputMessage[]
  /**
   * How its stream is read: chunks with `choices`/`usage`, Responses events, image events
   * (`image_generation.*`, `image_edit.*`) or transcript events (`transcript.text.*`). Absent:
   * never streamed.
   */
  stream?: 'chunks' | 'events' | 'images' | 'transcript'
}

/**
 * The methods the wrapper patches. The SDK helpers go through them:
 * `chat.completions.parse/stream/runTools` call `chat.completions.create`, and
 * `responses.parse/stream` call `responses.create`, on the same client. Every other paid method
 * of the SDK is listed, with the reason it is not here, in `test/metering/sdk-method-coverage.ts`
 * (mirrored in `docs/prices.md`, "What is metered").
 */
export const OPENAI_OPERATIONS: readonly OpenAIOperation[] = [
  {
    resource: ['chat', 'completions'],
    readRequest: readChatRequest,
    readResult: readCompletionResult,
    readContent: readChatContent,
    readOutputContent: readChatOutputContent,
    stream: 'chunks',
  },
  {
    resource: ['responses'],
    readRequest: readResponsesRequest,
    readResult: readResponseBody,
    readContent: readResponsesContent,
    readOutputContent: readResponseOutputContent,
    stream: 'events',
  },
  {
    resource: ['beta', 'responses'],
    readRequest: readResponsesRequest,
    readResult: readResponseBody,
    readContent: readResponsesContent,
    readOutputContent: readResponseOutputContent,
    stream: 'events',
  },
  { resource: ['responses'], method: 'compact', readRequest: readResponsesRequest, readResult: readResponseBody, readContent: readResponsesContent },
  { resource: ['beta', 'responses'], method: 'compact', readRequest: readResponsesRequest, readResult: readResponseBody, readContent: readResponsesContent },
  { resource: ['decisions'], readRequest: readDecisionsRequest, readResult: readResponseBody, readContent: readResponsesContent },
  { resource: ['embeddings'], readRequest: readEmbeddingsRequest, readResult: readEmbeddingsResult, readContent: readPromptContent },
  {
    resource: ['completions'],
    readRequest: readCompletionsRequest,
    readResult: readCompletionResult,
    readContent: readPromptContent,
    readOutputContent: readCompletionOutputContent,
    stream: 'chunks',
  },
  { resource: ['images'], method: 'generate', readRequest: readImageGenerationRequest, readResult: readImagesResult, readContent: readPromptContent, stream: 'images' },
  { resource: ['images'], method: 'edit', readRequest: readImageEditRequest, readResult: readImagesResult, readContent: readPromptContent, stream: 'images' },
  {
    resource: ['audio', 'transcriptions'],
    readRequest: readTranscriptionRequest,
    readResult: readTranscriptionResult,
    estimateResult: estimateTranscriptionResult,
    readContent: readPromptContent,
    stream: 'transcript',
  },
  {
    resource: ['audio', 'translations'],
    readRequest: readTranscriptionRequest,
    readResult: readTranscriptionResult,
    estimateResult: estimateTranscriptionResult,
    readContent: readPromptContent,
  },
  { resource: ['audio', 'speech'], readRequest: readSpeechRequest, readResult: readSpeechResult, estimateResult: estimateSpeechResult, readContent: readPromptContent },
]

/**
 * A Responses-shaped body (`Response`, a compaction, a `Decision`): see `readResponseResult`; a
 * non-streamed body has no streamed output to estimate from.
 */
function readResponseBody(body: unknown, estimatedInputTokens: number): CallResult {
  return readResponseResult(body, estimatedInputTokens)
}
