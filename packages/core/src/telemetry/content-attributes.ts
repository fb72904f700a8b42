import type { Attributes } from '@opentelemetry/api'
import type { RequestContent, OutputMessage } from '../call/message-content.js'
import { ATTR_GEN_AI_INPUT_MESSAGES, ATTR_GEN_AI_OUTPUT_MESSAGES, ATTR_GEN_AI_SYSTEM_INSTRUCTIONS } from './semconv.js'

/**
 * Writes `gen_ai.input.messages` and `gen_ai.system_instructions` (JSON strings) into `target`.
 * Called only when content capture is on and the span records.
 */
export function addInputContentAttributes(target: Attributes, content: RequestContent): Attributes {
  if (content.input !== undefined && content.input.length > 0) target[ATTR_GEN_AI_INPUT_MESSAGES] = JSON.stringify(content.input)
  if (content.system !== undefined && content.system.length > 0) target[ATTR_GEN_AI_SYSTEM_INSTRUCTIONS] = JSON.stringify(content.system)
  return target
}

/** Writes `gen_ai.output.messages` (a JSON string) into `target`. Called only when capture is on and the span records. */
export function addOutputContentAttributes(target: Attributes, output: OutputMessage[]): Attributes {
  if (output.length > 0) target[ATTR_GEN_AI_OUTPUT_MESSAGES] = JSON.stringify(output)
  return target
}
