/**
 * Input tokens reserved for one image part whose size is not read: the largest count the providers'
 * published rules give for an image, so the reservation is an upper bound for these models.
 *
 * - OpenAI GPT-4o / GPT-4.1 tile rule (https://platform.openai.com/docs/guides/images-vision,
 *   "Calculating costs", read 2026-12-02): 85 + 170 per 512-px tile after fitting in 2048×2048 and
 *   scaling the short side to 768 px; the most tiles is 2×4 (768×2048) ⇒ 85 + 8 × 170 = 1,445.
 * - Anthropic (https://docs.anthropic.com/en/docs/build-with-claude/vision, "Evaluate image size",
 *   read 2026-12-02): tokens ≈ width × height / 750, images larger than about 1.15 megapixels are
 *   scaled down first, "about 1,600 tokens" at most (1092×1092 ⇒ 1,590).
 *
 * Not bounded by it: OpenAI's patch-based models (gpt-4.1-mini/-nano, o4-mini: up to 1,536 patches
 * times a model multiplier) and gpt-4o-mini (2,833 + 5,667 per tile), which bill more tokens per image.
 */
export const IMAGE_TOKEN_ALLOWANCE = 1_600

/** Input tokens of an OpenAI `detail: 'low'` image on tile-based models (same source as above). */
export const LOW_DETAIL_IMAGE_TOKENS = 85

/** Part types that carry one image: OpenAI chat, OpenAI Responses, Anthropic and AI SDK parts. */
const IMAGE_PART_TYPES = new Set(['image_url', 'input_image', 'image'])

/**
 * Tokens to reserve for a request part when it is an image, else `undefined`. Recognizes OpenAI
 * `image_url` / `input_image` parts (`detail: 'low'` ⇒ {@link LOW_DETAIL_IMAGE_TOKENS}), Anthropic and
 * AI SDK `image` parts, and AI SDK `file` parts with an `image/*` media type; any other image reserves
 * {@link IMAGE_TOKEN_ALLOWANCE}. Files (PDF), documents and audio parts are not images: `undefined`.
 */
export function imageTokenAllowance(part: Readonly<Record<string, unknown>>): number | undefined {
  const type = part.type
  if (typeof type !== 'string') return undefined
  if (type === 'file') return isImageMediaType(part.mediaType ?? part.mimeType) ? IMAGE_TOKEN_ALLOWANCE : undefined
  if (!IMAGE_PART_TYPES.has(type)) return undefined
  return imageDetail(part) === 'low' ? LOW_DETAIL_IMAGE_TOKENS : IMAGE_TOKEN_ALLOWANCE
}

function isImageMediaType(value: unknown): boolean {
  return typeof value === 'string' && value.startsWith('image/')
}

/** `detail` of a Responses part, or of a chat part's `image_url` object. */
function imageDetail(part: Readonly<Record<string, unknown>>): unknown {
  if (part.detail !== undefined) return part.detail
  const url = part.image_url
  return url !== null && typeof url === 'object' ? (url as Record<string, unknown>).detail : undefined
}
