import { ConfigError, loadPolicies, resolveAttributionRequirements, scopeKeyIssues, type ConfigIssue, type PolicySet } from '@finops-ai/core'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from './cli-io.js'
import { parseCommandLine } from './parse-command-line.js'

/** `finops-ai check-policies --help`. */
export const CHECK_POLICIES_HELP = `Usage: finops-ai check-policies <policies.yaml|.json>

Validates a policy file. Prints what each policy would enforce, or every error with its path (exit 1).
A \`per:\` or \`match:\` key must be an attribution key the engine knows: user, team, feature,
costCenter, or a custom key declared with --attribution-keys (the engine's
createFinOps({ attribution: { keys } })) or FINOPS_ATTRIBUTION_KEYS.

Options:
  --attribution-keys <a,b>   custom attribution keys the engine declares (comma-separated)
  -h, --help                 show this help
`

const money = (amount: { amount: number; currency?: string } | undefined) =>
  amount === undefined ? undefined : `${amount.amount} ${amount.currency ?? '(engine currency)'}`

/** One policy in words, e.g. `support-rag: calls with feature=support-rag, per user: 120 requests/min, …`. */
export function describePolicy(policy: PolicySet[number]): string {
  const scope = policy.match === undefined ? 'all calls' : `calls with ${Object.entries(policy.match).map(([key, values]) => `${key}=${values.join('|')}`).join(' and ')}`
  const limits: string[] = []
  if (policy.requestsPerMinute !== undefined) limits.push(`${policy.requestsPerMinute} requests/min`)
  if (policy.tokensPerMinute !== undefined) limits.push(`${policy.tokensPerMinute} tokens/min`)
  if (policy.maxConcurrent !== undefined) limits.push(`${policy.maxConcurrent} concurrent calls`)
  if (policy.budget !== undefined) {
    const soft = money(policy.budget.softLimit)
    const hard = money(policy.budget.hardLimit)
    limits.push(`${policy.budget.period} budget${soft ? `: soft ${soft} (alert)` : ''}${hard ? `${soft ? ',' : ':'} hard ${hard} (reject)` : ''}`)
  }
  if (policy.circuitBreaker !== undefined) {
    limits.push(`circuit breaker above ${money(policy.circuitBreaker.costVelocityPerMinute)}/min, cooldown ${policy.circuitBreaker.cooldownMs / 1000}s`)
  }
  if (policy.downgrade !== undefined) limits.push(`on soft limit: ${Object.entries(policy.downgrade).map(([from, to]) => `${from} → ${to}`).join(', ')}`)
  const per = policy.per === undefined ? '' : `, per ${policy.per}`
  const onLimit = policy.onLimit === 'wait' ? `; waits up to ${policy.maxWaitMs / 1000}s when limited` : ''
  return `${policy.key}: ${scope}${per}: ${limits.length > 0 ? limits.join('; ') : 'no limits (counted only)'}${onLimit}`
}

/** `finops-ai check-policies`: returns the exit code. */
export async function checkPoliciesCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseCommandLine(args, { 'attribution-keys': { type: 'string' } })
  if (values.help) {
    io.stdout.write(CHECK_POLICIES_HELP)
    return EXIT_OK
  }
  if (positionals.length !== 1) throw new UsageError('check-policies needs exactly one policy file')
  const file = positionals[0]!
  const declared = values['attribution-keys']?.split(',').map((key) => key.trim()).filter((key) => key !== '')
  const checked = checkPolicyFile(file, declared ?? [])
  if (!('policies' in checked)) {
    for (const issue of checked.issues) io.stderr.write(`${file}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.detail}\n`)
    io.stderr.write(`${checked.issues.length} error${checked.issues.length === 1 ? '' : 's'}; nothing would be enforced\n`)
    return EXIT_INVALID_INPUT
  }
  const { policies } = checked
  io.stdout.write(`${file}: ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} valid\n`)
  for (const policy of policies) io.stdout.write(`  ${describePolicy(policy)}\n`)
  return EXIT_OK
}

/** Loads `file` and checks its `per:` / `match:` keys against the well-known and `declared` attribution keys, as the engine does. */
function checkPolicyFile(file: string, declared: readonly string[]): { policies: PolicySet } | { issues: readonly ConfigIssue[] } {
  try {
    const policies = loadPolicies(file)
    const known = resolveAttributionRequirements({ keys: [...declared] }).knownKeys
    const issues = scopeKeyIssues(policies, known, 'Declare a custom key with --attribution-keys (and in the engine: createFinOps({ attribution: { keys } }) or FINOPS_ATTRIBUTION_KEYS).')
    return issues.length === 0 ? { policies } : { issues }
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error
    return { issues: error.issues }
  }
}
