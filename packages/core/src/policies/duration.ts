const units: Record<string, number> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 }
const pattern = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)$/

/**
 * Milliseconds of a configured duration: a number of milliseconds (`300000`) or a string with a
 * unit `ms`, `s`, `m` or `h` (`'5m'`, `'90s'`, `'1.5h'`). `undefined` when it is neither, or
 * negative, or not a whole number of milliseconds.
 */
export function parseDuration(value: unknown): number | undefined {
  let ms: number | undefined
  if (typeof value === 'number') ms = value
  else if (typeof value === 'string') {
    const found = pattern.exec(value.trim())
    if (found) ms = Number(found[1]) * units[found[2]!]!
  }
  return ms !== undefined && Number.isSafeInteger(ms) && ms >= 0 ? ms : undefined
}
