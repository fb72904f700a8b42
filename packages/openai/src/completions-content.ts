import { objectField, stringField, textPart, type OutputMessage, type RequestContent } from '@finops-ai/core'
import type { RequestBody } from './operation-request.js'

/**
 * The content of a legacy `completions.create`, `embeddings.create`, `images.generate`/`edit`,
 * `audio.transcriptions`/`translations.create` (text `prompt`; uploads are left out) or
 * `audio.speech.create` call: its `prompt` or `input` (a string or strings; token arrays are left
 * out) as one user message of text parts.
 */
export function readPromptContent(body: RequestBody): RequestContent {
  const prompt = body.prompt ?? body.input
  const texts = typeof prompt === 'string' ? [prompt] : Array.isArray(prompt) ? prompt.filter((item) => typeof item === 'string') : []
  return texts.length === 0 ? {} : { input: [{ role: 'user', parts: texts.map(textPart) }] }
}

/** The completion of a legacy `Completion`: each choice's `text`, with its `finish_reason`. */
export function readCompletionOutputContent(body: unknown): OutputMessage[] {
  const output: OutputMessage[] = []
  const choices = objectField(body)?.choices
  if (!Array.isArray(choices)) return output
  for (const choice of choices) {
    const fields = objectField(choice)
    const text = stringField(fields?.text)
    output.push({ role: 'assistant', parts: text === undefined ? [] : [textPart(text)], finish_reason: stringField(fields?.finish_reason) ?? '' })
  }
  return output
}
