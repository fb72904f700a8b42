import type { PolicyConfig } from '@finops-ai/core'

/** The policy every process loads: one daily budget for the research team, whichever pod spends it. */
export const sharedPolicies: PolicyConfig[] = [
  { key: 'research-daily', match: { team: 'research' }, limits: { budget: { period: 'daily', hard_limit_usd: 0.01 } } },
]
