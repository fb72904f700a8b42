/** Client attribution of every wrapped bench client; the bench policies match its `feature`. */
export const BENCH_ATTRIBUTION = { team: 'bench', feature: 'support-rag' }

/**
 * Three policies that all match a bench call (requests per minute, tokens per minute, a monthly
 * budget) with limits no run reaches, so every call is reserved and settled, never denied.
 * `per` makes each a set of counters per value of that attribution key.
 */
export function benchPolicies({ per } = {}) {
  const match = { feature: 'support-rag' }
  const perKey = per === undefined ? {} : { per }
  return [
    { key: 'bench-rpm', match, ...perKey, limits: { requests_per_minute: 1_000_000_000 } },
    { key: 'bench-tpm', match, ...perKey, limits: { tokens_per_minute: 1_000_000_000_000 } },
    { key: 'bench-budget', match, ...perKey, limits: { budget: { period: 'monthly', soft_limit_usd: 900_000, hard_limit_usd: 1_000_000 } } },
  ]
}
