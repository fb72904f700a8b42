import { ConfigError, loadPolicies, type PolicySet } from '@finops-ai/core'
import { type CliIo, EXIT_INVALID_INPUT, EXIT_OK, UsageError } from './cli-io.js'
import { parseCommandLine } from './parse-command-line.js'

/** `finops-ai check-policies --help`. */
export const CHECK_POLICIES_HELP = `Usage: finops-ai check-policies <policies.yaml|.json>

Validates a policy file. Prints what each policy would enforce, or every error with its path (exit 1).

Options:
  -h, --help   show this help
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
  const { values, positionals } = parseCommandLine(args, {})
  if (values.help) {
    io.stdout.write(CHECK_POLICIES_HELP)
    return EXIT_OK
  }
  if (positionals.length !== 1) throw new UsageError('check-policies needs exactly one policy file')
  const file = positionals[0]!
  let policies: PolicySet
  try {
    policies = loadPolicies(file)
  } catch (error) {
    if (!ConfigError.isInstance(error)) throw error
    for (const issue of error.issues) io.stderr.write(`${file}: ${issue.path === '' ? '' : `${issue.path}: `}${issue.detail}\n`)
    io.stderr.write(`${error.issues.length} error${error.issues.length === 1 ? '' : 's'}; nothing would be enforced\n`)
    return EXIT_INVALID_INPUT
  }
  io.stdout.write(`${file}: ${policies.length} polic${policies.length === 1 ? 'y' : 'ies'} valid\n`)
  for (const policy of policies) io.stdout.write(`  ${describePolicy(policy)}\n`)
  return EXIT_OK
}
