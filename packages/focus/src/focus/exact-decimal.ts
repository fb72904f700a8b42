/** An exact decimal: `value × 10^-scale` (e.g. `{ value: 25n, scale: 7 }` is `0.0000025`). */
export interface ExactDecimal {
  readonly value: bigint
  readonly scale: number
}

/** FOCUS NumericFormat: integer, decimal or E notation (`35.2E-7`; a positive exponent has no sign). */
const numericFormat = /^-?(\d+)(?:\.(\d+))?(?:[eE](-?\d+))?$/

/**
 * Formats the integer `value` scaled down by `10^scale` as a plain decimal string without
 * trailing zeros: `formatScaled(2500n, 6)` → `'0.0025'`, `formatScaled(3n, 0)` → `'3'`.
 */
export function formatScaled(value: bigint | number, scale: number): string {
  let integer = typeof value === 'bigint' ? value : BigInt(value)
  const negative = integer < 0n
  if (negative) integer = -integer
  let digits = integer.toString()
  if (scale > 0) {
    digits = digits.padStart(scale + 1, '0')
    const whole = digits.slice(0, digits.length - scale)
    const fraction = digits.slice(digits.length - scale).replace(/0+$/, '')
    digits = fraction === '' ? whole : `${whole}.${fraction}`
  }
  return negative && digits !== '0' ? `-${digits}` : digits
}

/** Parses a FOCUS numeric string exactly, or returns `undefined` when it is not NumericFormat. */
export function parseDecimal(text: string): ExactDecimal | undefined {
  const match = numericFormat.exec(text)
  if (match === null) return undefined
  const fraction = match[2] ?? ''
  const exponent = match[3] === undefined ? 0 : Number(match[3])
  let value = BigInt(`${match[1]}${fraction}`)
  let scale = fraction.length - exponent
  if (scale < 0) {
    value *= 10n ** BigInt(-scale)
    scale = 0
  }
  return { value: text.startsWith('-') ? -value : value, scale }
}

/** Exact product of two decimals. */
export function multiplyDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return { value: a.value * b.value, scale: a.scale + b.scale }
}

/** Exact comparison of two decimals: negative, zero or positive like a sort comparator. */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale)
  const left = a.value * 10n ** BigInt(scale - a.scale)
  const right = b.value * 10n ** BigInt(scale - b.scale)
  return left === right ? 0 : left < right ? -1 : 1
}
