/**
 * Image output tokens of one 1024×1024 image at each quality, as OpenAI publishes them for its GPT
 * image models (image generation guide, "Cost and latency", as published 2025-04): low 272, medium
 * 1056, high 4160. Other sizes scale with their pixel area (the published 1024×1536 and 1536×1024
 * figures, 408/1584/6240 and 400/1568/6208, are within 2 % of that). `auto`, `xhigh`, `max` and an
 * unknown quality are reserved as `high`, the most a known quality costs.
 */
const SQUARE_IMAGE_TOKENS: Readonly<Record<string, number>> = { low: 272, medium: 1056, high: 4160 }

const SQUARE_PIXELS = 1024 * 1024

/**
 * Input tokens allowed per input image of an edit: a 1024×1024 image under OpenAI's published
 * image-input rule (85 base tokens + 170 per 512-pixel tile, 4 tiles), 765.
 */
export const IMAGE_EDIT_INPUT_TOKENS = 765

/** Extra input tokens per input image sent with `input_fidelity: 'high'` (OpenAI: a square image, 4160). */
export const HIGH_FIDELITY_IMAGE_TOKENS = 4160

/** Output tokens OpenAI adds per streamed partial image (image generation guide: 100 each). */
export const PARTIAL_IMAGE_TOKENS = 100

/**
 * Output tokens of one generated image of `size` (`'WIDTHxHEIGHT'`) at `quality`: sizes up to
 * 1024×1024 (and `auto`, absent or unreadable ones) count as 1024×1024, larger ones scale with
 * their pixel area.
 */
export function imageOutputTokens(size: unknown, quality: unknown): number {
  const square = SQUARE_IMAGE_TOKENS[typeof quality === 'string' ? quality : 'high'] ?? (SQUARE_IMAGE_TOKENS.high as number)
  const pixels = pixelsOf(size)
  return pixels <= SQUARE_PIXELS ? square : Math.ceil((square * pixels) / SQUARE_PIXELS)
}

/** Pixels of a `'WIDTHxHEIGHT'` size; `auto`, absent or unreadable sizes count as 1024×1024. */
function pixelsOf(size: unknown): number {
  if (typeof size !== 'string') return SQUARE_PIXELS
  const separator = size.indexOf('x')
  const width = Number(size.slice(0, separator))
  const height = Number(size.slice(separator + 1))
  return separator > 0 && width > 0 && height > 0 ? width * height : SQUARE_PIXELS
}
