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

/** How the wrapper reads one kind of `create` call. */
export interface OpenAIOperation {
  /** Path of the resource on the client, e.g. `['chat', 'completions']`. */
  resource: readonly string[]
  /** Reads the call's parameters. */
  readRequest(body: RequestBody): OperationRequest
  /** Reads a non-streamed response body. */
  readResult(body: unknown, estimatedInputTokens: number): CallResult
  /** Reads the prompt in the semantic-convention structure; called only when content capture is on. */
  readContent(body: RequestBody): RequestContent
  /** Reads the completion of a non-streamed body; called only when content capture is on. Absent: no output content (embeddings). */
  readOutputContent?(body: unknown): OutputMessage[]
  /** How its stream is read: chunks with `choices`/`usage`, or Responses events. Absent: never streamed. */
  stream?: 'chunks' | 'events'
}

/**
 * The `create` methods the wrapper patches. The SDK helpers go through them:
 * `chat.completions.parse/stream/runTools` call `chat.completions.create`, and
 * `responses.parse/stream` call `responses.create`, on the same client.
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
    readResult: readResponseResult,
    readContent: readResponsesContent,
    readOutputContent: readResponseOutputContent,
    stream: 'events',
  },
  { resource: ['embeddings'], readRequest: readEmbeddingsRequest, readResult: readEmbeddingsResult, readContent: readPromptContent },
  {
    resource: ['completions'],
    readRequest: readCompletionsRequest,
    readResult: readCompletionResult,
    readContent: readPromptContent,
    readOutputContent: readCompletionOutputContent,
    stream: 'chunks',
  },
]
