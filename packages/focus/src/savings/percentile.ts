/** The `fraction` (0–1) percentile of `values` by nearest rank; sorts `values` in place. `NaN` when empty. */
export function percentile(values: number[], fraction: number): number {
  if (values.length === 0) return Number.NaN
  values.sort((a, b) => a - b)
  return values[Math.max(0, Math.ceil(fraction * values.length) - 1)]!
}
