/**
 * USD per 1M tokens (e.g. `2.5`) → integer pico-USD (1e-12 USD) per token (`2_500_000`).
 *
 * Prices are converted once, at resolve time, so the per-call arithmetic is integer-only. One
 * pico-USD per token is 1e-6 USD per million tokens, finer than any published price; `Math.round`
 * absorbs the float noise of the decimal input (`0.00051 * 1e6 = 510.00000000000006` → `510`).
 */
export function picoPerTokenFromMtok(usdPerMillionTokens: number): number {
  return Math.round(usdPerMillionTokens * 1e6)
}

/** USD per 1000 units (genai-prices' `*_kcount`, e.g. `10` per 1000 web searches) → pico-USD per unit. */
export function picoPerUnitFromKcount(usdPerThousand: number): number {
  return Math.round(usdPerThousand * 1e9)
}

/** USD per unit (e.g. a per-request fee of `0.005`) → integer pico-USD per unit. */
export function picoPerUnitFromUsd(usd: number): number {
  return Math.round(usd * 1e12)
}

/**
 * USD per hour of audio (genai-prices' `*_audio_hours`, e.g. `0.36` for `whisper-1`) → integer
 * pico-USD per second. Exact for every published per-minute price with a whole number of
 * pico-USD per second (0.006 USD/min = 100,000,000); otherwise rounded to the pico-USD (an error
 * below 4 nano-USD per hour of audio).
 */
export function picoPerSecondFromHourly(usdPerHour: number): number {
  return Math.round((usdPerHour * 1e12) / 3600)
}
