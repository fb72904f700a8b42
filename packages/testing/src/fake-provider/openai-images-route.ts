import { fakeInputTokens } from './fake-tokens.js'
import { FAKE_IMAGE_TOKENS, FAKE_INPUT_IMAGE_TOKENS, FAKE_PARTIAL_IMAGE_TOKENS, FAKE_PNG_BASE64 } from './fake-media.js'
import type { JsonObject, RouteContext, RouteResult } from './fake-route.js'
import type { ServerSentEvent } from './server-sent-events.js'

/**
 * `POST /v1/images/generations` (JSON): `n` (default 1) base64 PNGs and the token `usage` of a GPT
 * image model: input = the `prompt`'s words (all text tokens), output = `FAKE_IMAGE_TOKENS` of the
 * quality per image (`output_tokens_details.image_tokens`). With `stream: true`:
 * `partial_images` (0–3) `image_generation.partial_image` events, then one
 * `image_generation.completed` event with the image and `usage` (each partial image adds
 * `FAKE_PARTIAL_IMAGE_TOKENS` output tokens).
 */
export function imageGenerationsRoute(context: RouteContext): RouteResult {
  return imagesRoute(context, 'image_generation', 0)
}

/**
 * `POST /v1/images/edits` (multipart): as {@link imageGenerationsRoute}, with
 * `FAKE_INPUT_IMAGE_TOKENS` image input tokens per uploaded `image` (one file or `image[]` files);
 * streamed events are `image_edit.partial_image` and `image_edit.completed`.
 */
export function imageEditsRoute(context: RouteContext): RouteResult {
  const images = Array.isArray(context.body.image) ? context.body.image.length : context.body.image === undefined ? 0 : 1
  return imagesRoute(context, 'image_edit', images * FAKE_INPUT_IMAGE_TOKENS)
}

function imagesRoute(context: RouteContext, eventPrefix: string, imageInputTokens: number): RouteResult {
  const { body } = context
  const count = Math.max(1, Math.floor(Number(body.n ?? 1)) || 1)
  const quality = typeof body.quality === 'string' && body.quality in FAKE_IMAGE_TOKENS ? body.quality : 'medium'
  const size = typeof body.size === 'string' && body.size !== 'auto' ? body.size : '1024x1024'
  const textTokens = fakeInputTokens(body.prompt)
  const shape = { background: 'opaque', output_format: 'png', quality, size }
  const usage = (imageTokens: number): JsonObject => ({
    input_tokens: textTokens + imageInputTokens,
    input_tokens_details: { text_tokens: textTokens, image_tokens: imageInputTokens },
    output_tokens: imageTokens,
    output_tokens_details: { image_tokens: imageTokens, text_tokens: 0 },
    total_tokens: textTokens + imageInputTokens + imageTokens,
  })
  const perImage = FAKE_IMAGE_TOKENS[quality] as number
  if (body.stream !== true) {
    const data = Array.from({ length: count }, () => ({ b64_json: FAKE_PNG_BASE64 }))
    return { type: 'json', status: 200, body: { created: context.now, data, ...shape, usage: usage(count * perImage) } }
  }
  const partials = Math.min(3, Math.max(0, Math.floor(Number(body.partial_images ?? 0)) || 0))
  const events: ServerSentEvent[] = []
  const emit = (type: string, fields: JsonObject) => events.push({ event: type, data: { type, created_at: context.now, ...shape, ...fields } })
  for (let index = 0; index < partials; index += 1) emit(`${eventPrefix}.partial_image`, { b64_json: FAKE_PNG_BASE64, partial_image_index: index })
  emit(`${eventPrefix}.completed`, { b64_json: FAKE_PNG_BASE64, usage: usage(perImage + partials * FAKE_PARTIAL_IMAGE_TOKENS) })
  return { type: 'events', events }
}
