import { fakeInputTokens } from './fake-tokens.js'
import type { RouteContext, RouteResult } from './fake-route.js'

/** A deterministic vector for `input`: FNV-1a of its JSON seeds a sine walk, rounded to float32. */
export function fakeEmbedding(input: unknown, dimensions: number): number[] {
  let hash = 0x811c9dc5
  for (const character of JSON.stringify(input) ?? '') {
    hash = Math.imul(hash ^ (character.codePointAt(0) ?? 0), 0x01000193) >>> 0
  }
  return Array.from({ length: dimensions }, (_, index) => Math.fround(Math.sin(hash + index)))
}

function base64Float32(vector: number[]): string {
  const buffer = Buffer.alloc(vector.length * 4)
  vector.forEach((value, index) => buffer.writeFloatLE(value, index * 4))
  return buffer.toString('base64')
}

const isSingleInput = (input: unknown): boolean =>
  typeof input === 'string' || (Array.isArray(input) && input.every((item) => typeof item === 'number'))

/**
 * `POST /v1/embeddings`: one vector of `dimensions` (default 8) floats per input item, as numbers
 * or, for `encoding_format: 'base64'` (what the openai SDK requests by default), as base64 of the
 * little-endian float32 bytes. `usage.prompt_tokens` counts the input words.
 */
export function embeddingsRoute(context: RouteContext): RouteResult {
  const { body } = context
  const inputs = isSingleInput(body.input) ? [body.input] : Array.isArray(body.input) ? body.input : []
  const dimensions = typeof body.dimensions === 'number' && body.dimensions > 0 ? Math.floor(body.dimensions) : 8
  const base64 = body.encoding_format === 'base64'
  const tokens = fakeInputTokens(body.input)
  return {
    type: 'json',
    status: 200,
    body: {
      object: 'list',
      data: inputs.map((input, index) => {
        const vector = fakeEmbedding(input, dimensions)
        return { object: 'embedding', index, embedding: base64 ? base64Float32(vector) : vector }
      }),
      model: body.model,
      usage: { prompt_tokens: tokens, total_tokens: tokens },
    },
  }
}
