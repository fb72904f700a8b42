import { createAnthropic } from '@ai-sdk/anthropic'
import { createOpenAI } from '@ai-sdk/openai'
import type { FakeProvider } from '@finops-ai/testing'

/**
 * For tests: AI SDK providers talking HTTP to `fakeProvider()`. Both `@ai-sdk/openai` and
 * `@ai-sdk/anthropic` are the real packages (the ones `ai` 6 pairs with, or their 4.x majors in the
 * `ai@7` test project).
 *
 * `@ai-sdk/anthropic` 3.x rejects `"citations": null` on a text block (4.x accepts it), which the
 * fake provider writes on every non-streamed Anthropic text block; the Anthropic provider's
 * `fetch` drops that one field from JSON bodies and changes nothing else.
 */
export function fakeProviderModels(provider: FakeProvider, options: { stallAfterFirstWord?: boolean } = {}) {
  const send = options.stallAfterFirstWord === true ? stallingAfterFirstWord : fetch
  return {
    openai: createOpenAI({ baseURL: provider.openaiBaseURL, apiKey: 'test', fetch: send }),
    anthropic: createAnthropic({
      baseURL: `${provider.anthropicBaseURL}/v1`,
      apiKey: 'test',
      fetch: (input, init) => withoutNullCitations(send, input, init),
    }),
  }
}

/**
 * A `fetch` whose streamed body passes the server-sent events up to the first one carrying the
 * fake reply's first word, then stays open until the request is aborted: an abort in a test then
 * always lands mid-stream, however fast the machine delivered the rest.
 */
async function stallingAfterFirstWord(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await fetch(input, init)
  if (response.body === null || response.headers.get('content-type')?.includes('text/event-stream') !== true) return response
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  const signal = init?.signal
  let received = ''
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const firstWord = received.indexOf('Hello')
      if (firstWord >= 0) {
        const end = received.indexOf('\n\n', firstWord)
        if (end >= 0) {
          controller.enqueue(new TextEncoder().encode(received.slice(0, end + 2)))
          received = ''
          await reader.cancel()
          return new Promise<void>((_, reject) => {
            const stop = () => reject(signal?.reason ?? new Error('aborted'))
            if (signal?.aborted === true) stop()
            else signal?.addEventListener('abort', stop, { once: true })
          })
        }
      }
      const { done, value } = await reader.read()
      if (done) controller.close()
      else received += value
    },
  })
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
}

async function withoutNullCitations(send: typeof fetch, input: string | URL | Request, init?: RequestInit): Promise<Response> {
  const response = await send(input, init)
  if (response.headers.get('content-type')?.includes('application/json') !== true) return response
  const body = (await response.text()).replaceAll(',"citations":null', '')
  return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers })
}
