import { objectField, type RequestBody } from './operation-request.js'

/**
 * For `streamUsage: 'inject'`: a copy of a streamed chat or legacy completions request with
 * `stream_options.include_usage: true`, or `undefined` when the request is not streamed or already
 * asks for usage. The caller's object is never modified.
 */
export function injectStreamUsage(body: RequestBody): RequestBody | undefined {
  if (body.stream !== true) return undefined
  const options = objectField(body.stream_options)
  if (options?.include_usage === true) return undefined
  return { ...body, stream_options: { ...options, include_usage: true } }
}
