/** A non-negative safe integer (amounts, times) as a decimal string. */
export function integerArgument(value: number, name: string): string {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`finops-ai redis store: ${name} must be a non-negative safe integer, got ${value}`)
  return String(value)
}

/** A finite non-negative number (limits) as a decimal string Lua's `tonumber` reads. */
export function limitArgument(value: number, name: string): string {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`finops-ai redis store: ${name} must be a finite non-negative number, got ${value}`)
  return String(value)
}

/** The reply of a script as numbers (Redis integer replies), or `undefined` when it is not one. */
export function integerReply(reply: unknown): number[] | undefined {
  if (!Array.isArray(reply)) return undefined
  return reply.every((value) => typeof value === 'number') ? (reply as number[]) : undefined
}
