import { ConfigError, type ConfigIssue } from '../errors/config-error.js'

/**
 * Default price multipliers per service tier (the `service_tier` a provider reports or the caller
 * requested). `batch` and `flex` are half price at OpenAI and Anthropic (batch). `priority` is
 * 2 here although OpenAI's priority processing costs about 1.7–2× depending on the model: set
 * `serviceTiers: { priority: 1.75 }` (or a negotiated value) to match your contract. Tiers not
 * listed cost ×1.
 */
export const DEFAULT_SERVICE_TIERS: Readonly<Record<string, number>> = Object.freeze({
  default: 1,
  auto: 1,
  standard: 1,
  scale: 1,
  batch: 0.5,
  flex: 0.5,
  priority: 2,
})

/**
 * Merges user multipliers over {@link DEFAULT_SERVICE_TIERS} and converts them once into integer
 * thousandths (multipliers are honoured to 0.001). Tier names are matched case-insensitively.
 * A negative or non-finite multiplier throws {@link ConfigError} at `serviceTiers.<name>`.
 */
export function compileServiceTiers(overrides: Readonly<Record<string, number>> = {}): ReadonlyMap<string, number> {
  const issues: ConfigIssue[] = []
  const tiers = new Map<string, number>()
  for (const [name, multiplier] of Object.entries({ ...DEFAULT_SERVICE_TIERS, ...overrides })) {
    if (typeof multiplier !== 'number' || !Number.isFinite(multiplier) || multiplier < 0) {
      issues.push({ path: `serviceTiers.${name}`, detail: `expected a multiplier ≥ 0 such as 0.5 or 2, got ${String(multiplier)}` })
    } else {
      tiers.set(name.toLowerCase(), Math.round(multiplier * 1000))
    }
  }
  if (issues.length > 0) throw new ConfigError(issues)
  return tiers
}
