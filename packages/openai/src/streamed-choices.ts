import { numberField, stringField, textPart, type OutputMessage } from '@finops-ai/core'

/**
 * The text of each choice of a chat or legacy completions stream, accumulated from its chunks
 * (`delta.content`, `delta.refusal`, legacy `text`) with its `finish_reason`, for
 * `CallResult.outputContent`. Used only when content capture is on.
 */
export class StreamedChoices {
  private readonly choices: { text: string; finishReason: string }[] = []

  /** Adds one streamed choice (`{ index, delta | text, finish_reason }`). */
  add(choice: Record<string, unknown>): void {
    const index = numberField(choice.index) ?? 0
    const entry = (this.choices[index] ??= { text: '', finishReason: '' })
    const delta = choice.delta as { content?: unknown; refusal?: unknown } | undefined
    entry.text += (stringField(choice.text) ?? '') + (stringField(delta?.content) ?? '') + (stringField(delta?.refusal) ?? '')
    const reason = stringField(choice.finish_reason)
    if (reason !== undefined) entry.finishReason = reason
  }

  /** One assistant message per choice seen, in index order. */
  messages(): OutputMessage[] {
    const messages: OutputMessage[] = []
    for (const choice of this.choices) {
      if (choice === undefined) continue
      messages.push({ role: 'assistant', parts: choice.text === '' ? [] : [textPart(choice.text)], finish_reason: choice.finishReason })
    }
    return messages
  }
}
