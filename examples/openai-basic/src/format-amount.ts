const amountFormat = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6, useGrouping: false })

/**
 * Formats a money amount with up to six significant digits and no exponent, so that tiny amounts
 * stay readable (`6.9e-8` → `0.000000069`, never `0.000000`).
 */
export function formatAmount(amount: number): string {
  return amountFormat.format(amount)
}
