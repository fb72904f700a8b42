import type { CallHandle, CallResult, ResponseObserver, StainlessResponseProps } from '@finops-ai/core'
import { isEventStream, settleSpeechEvents } from './settle-speech-events.js'

/**
 * Wraps the observer of a call whose response may carry no usage (speech audio, plain-text
 * transcripts) so that such responses settle the call's own `estimate` (read from its parameters)
 * rather than the bare input estimate: raw-only access (`asResponse()`) to a body that is neither
 * JSON nor a parsed stream settles the estimate, and a raw event-stream `Response` (speech with
 * `stream_format: 'sse'`), parsed or not, settles the usage of its `speech.audio.done` event (see
 * `settleSpeechEvents`). Everything else goes to `observer` unchanged.
 */
export class EstimatedRawObserver implements ResponseObserver<unknown> {
  constructor(
    private readonly observer: ResponseObserver<unknown>,
    private readonly handle: CallHandle,
    private readonly estimate: CallResult,
  ) {}

  data(data: unknown, props: StainlessResponseProps): unknown {
    if (data instanceof Response && isEventStream(data)) {
      settleSpeechEvents(this.handle, data, this.estimate)
      return data
    }
    return this.observer.data(data, props)
  }

  error(error: unknown): void {
    this.observer.error(error)
  }

  raw(response: Response, props: StainlessResponseProps): void {
    if (props.options.stream === true || response.headers.get('content-type')?.includes('json') === true) this.observer.raw(response, props)
    else if (isEventStream(response)) settleSpeechEvents(this.handle, response, this.estimate)
    else this.handle.succeed(this.estimate)
  }
}
