import type { JsonObject } from './fake-route.js'

/** An uploaded file of a multipart request, as the fake provider records it (its bytes are not kept). */
export interface FakeUpload {
  /** The part's file name, e.g. `'speech.mp3'`. */
  filename: string
  /** The part's content type, e.g. `'audio/mpeg'` (`''` when none was sent). */
  type: string
  /** Size in bytes. */
  size: number
}

/**
 * Parses a `multipart/form-data` body (what the openai SDK sends for uploads) into a JSON object:
 * text fields as strings (`'true'`/`'false'` as booleans, as the SDK encodes them), files as
 * {@link FakeUpload}s, and repeated `name[]` fields as an array under `name`. Nested objects
 * (`name[key]` fields) stay flat under their bracketed names.
 */
export async function parseMultipartBody(bytes: Buffer, contentType: string): Promise<JsonObject> {
  const form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData()
  const body: JsonObject = {}
  for (const [name, value] of form.entries()) {
    const field = typeof value === 'string' ? textValue(value) : { filename: value.name, type: value.type, size: value.size }
    if (name.endsWith('[]')) {
      const key = name.slice(0, -2)
      const list = Array.isArray(body[key]) ? (body[key] as unknown[]) : []
      list.push(field)
      body[key] = list
    } else {
      body[name] = field
    }
  }
  return body
}

function textValue(value: string): string | boolean {
  return value === 'true' ? true : value === 'false' ? false : value
}
