/**
 * The finish reason of a language model call as the provider gave it: `finishReason.raw`
 * (`end_turn`, `stop`, ...), else the AI SDK's unified one (`stop`, `length`, `tool-calls`, ...);
 * a V2 model's plain string as it is. `undefined` when none is known.
 */
export function readFinishReason(reason: unknown): string | undefined {
  if (typeof reason === 'string') return reason
  if (typeof reason !== 'object' || reason === null) return undefined
  const { raw, unified } = reason as { raw?: unknown; unified?: unknown }
  return typeof raw === 'string' ? raw : typeof unified === 'string' ? unified : undefined
}
