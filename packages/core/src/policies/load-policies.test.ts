import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError } from '../errors/config-error.js'
import { loadPolicies, parsePolicyText } from './load-policies.js'

const seed = `
policies:
  - key: support-rag
    match: { feature: support-rag }
    per: user
    limits:
      requests_per_minute: 120
      tokens_per_minute: 200000
      max_concurrent: 16
      budget:
        period: monthly
        soft_limit_eur: 5000
        hard_limit_eur: 6000
      circuit_breaker:
        cost_velocity_eur_per_min: 20
        cooldown: 5m
    on_soft_limit: { downgrade: { gpt-4o: gpt-4o-mini } }
`

function issuesOf(load: () => unknown): { path: string; detail: string }[] {
  try {
    load()
  } catch (error) {
    expect(ConfigError.isInstance(error)).toBe(true)
    return [...(error as ConfigError).issues]
  }
  throw new Error('expected a ConfigError')
}

const yaml = (text: string) => () => loadPolicies(parsePolicyText(text, 'yaml') as never)
const json = (text: string) => () => loadPolicies(parsePolicyText(text, 'json') as never)

describe('loadPolicies', () => {
  it('accepts the seed policy verbatim and normalises it', () => {
    const [policy] = loadPolicies(parsePolicyText(seed, 'yaml') as never)
    expect(policy).toEqual({
      key: 'support-rag',
      match: { feature: ['support-rag'] },
      per: 'user',
      requestsPerMinute: 120,
      tokensPerMinute: 200_000,
      maxConcurrent: 16,
      budget: { period: 'monthly', softLimit: { amount: 5000, currency: 'EUR' }, hardLimit: { amount: 6000, currency: 'EUR' } },
      circuitBreaker: { costVelocityPerMinute: { amount: 20, currency: 'EUR' }, cooldownMs: 300_000 },
      downgrade: { 'gpt-4o': 'gpt-4o-mini' },
      onLimit: 'reject',
      maxWaitMs: 30_000,
    })
  })

  it('accepts an array, a currency field, file-wide onLimit and per-policy overrides', () => {
    const policies = loadPolicies({
      onLimit: 'wait',
      maxWaitMs: '10s',
      policies: [
        { key: 'a', currency: 'usd', limits: { budget: { period: 'daily', hard_limit: 10 } } },
        { key: 'b', onLimit: 'reject', limits: { circuit_breaker: { cost_velocity_per_min: 1, currency: 'GBP' } } },
      ],
    })
    expect(policies[0]).toMatchObject({ budget: { hardLimit: { amount: 10, currency: 'USD' } }, onLimit: 'wait', maxWaitMs: 10_000 })
    expect(policies[1]).toMatchObject({ circuitBreaker: { costVelocityPerMinute: { amount: 1, currency: 'GBP' }, cooldownMs: 300_000 }, onLimit: 'reject' })
    expect(loadPolicies([{ key: 'c' }])).toHaveLength(1)
  })

  it('leaves amounts without a currency in the engine currency', () => {
    expect(loadPolicies([{ key: 'a', limits: { budget: { period: 'total', soft_limit: 3 } } }])[0]!.budget).toEqual({ period: 'total', softLimit: { amount: 3 } })
  })

  it('reads YAML and JSON files by extension', () => {
    const directory = mkdtempSync(join(tmpdir(), 'finops-policies-'))
    writeFileSync(join(directory, 'p.yaml'), seed)
    writeFileSync(join(directory, 'p.json'), JSON.stringify([{ key: 'j', limits: { max_concurrent: 2 } }]))
    expect(loadPolicies(join(directory, 'p.yaml'))[0]!.key).toBe('support-rag')
    expect(loadPolicies(join(directory, 'p.json'))[0]!.maxConcurrent).toBe(2)
    expect(issuesOf(() => loadPolicies(join(directory, 'p.toml')))[0]!.detail).toMatch(/\.yaml, \.yml or \.json/)
    expect(issuesOf(() => loadPolicies(join(directory, 'missing.yaml')))[0]!.detail).toMatch(/cannot read policy file/)
  })

  it('returns an already loaded set as is', () => {
    const loaded = loadPolicies([{ key: 'a' }])
    expect(loadPolicies(loaded)).toBe(loaded)
  })

  describe('rejects malformed files with the exact path', () => {
    const cases: [string, () => unknown, { path: string; detail: RegExp }][] = [
      [
        'a wrong budget period (YAML)',
        yaml(`policies:\n  - key: a\n  - key: b\n  - key: c\n    limits:\n      budget: { period: yearly, hard_limit_usd: 5 }\n`),
        { path: 'policies[2].limits.budget.period', detail: /^expected one of hourly\|daily\|weekly\|monthly\|total$/ },
      ],
      ['a typo in a limit name (YAML)', yaml(`- key: a\n  limits:\n    requests_per_minut: 5\n`), { path: 'policies[0].limits.requests_per_minut', detail: /unknown field/ }],
      ['a typo at the policy level (JSON)', json(`[{ "key": "a", "mtach": { "team": "x" } }]`), { path: 'policies[0].mtach', detail: /unknown field/ }],
      ['a missing key (JSON)', json(`{ "policies": [{ "limits": { "max_concurrent": 1 } }] }`), { path: 'policies[0].key', detail: /required/ }],
      ['duplicate keys (YAML)', yaml(`- key: a\n- key: b\n- key: a\n`), { path: 'policies[2].key', detail: /duplicate key 'a' \(first used by policies\[0\]\)/ }],
      ['a negative rpm (JSON)', json(`[{ "key": "a", "limits": { "requests_per_minute": -1 } }]`), { path: 'policies[0].limits.requests_per_minute', detail: /positive integer/ }],
      ['a fractional concurrency (YAML)', yaml(`- key: a\n  limits: { max_concurrent: 1.5 }\n`), { path: 'policies[0].limits.max_concurrent', detail: /positive integer/ }],
      ['a money amount as text (YAML)', yaml(`- key: a\n  limits:\n    budget: { period: daily, hard_limit_eur: lots }\n`), { path: 'policies[0].limits.budget.hard_limit_eur', detail: /non-negative number/ }],
      ['two hard limits (JSON)', json(`[{ "key": "a", "limits": { "budget": { "period": "daily", "hard_limit_eur": 1, "hard_limit_usd": 2 } } }]`), { path: 'policies[0].limits.budget.hard_limit_usd', detail: /conflicts with hard_limit_eur/ }],
      ['a budget without limits (YAML)', yaml(`- key: a\n  limits:\n    budget: { period: daily }\n`), { path: 'policies[0].limits.budget', detail: /soft_limit and\/or hard_limit/ }],
      ['a bad cooldown (YAML)', yaml(`- key: a\n  limits:\n    circuit_breaker: { cost_velocity_usd_per_min: 5, cooldown: 5 minutes }\n`), { path: 'policies[0].limits.circuit_breaker.cooldown', detail: /duration/ }],
      ['a breaker without velocity (JSON)', json(`[{ "key": "a", "limits": { "circuit_breaker": { "cooldown": "1m" } } }]`), { path: 'policies[0].limits.circuit_breaker', detail: /cost_velocity_<currency>_per_min/ }],
      ['a bad onLimit (YAML)', yaml(`- key: a\n  onLimit: queue\n`), { path: 'policies[0].onLimit', detail: /expected one of reject\|wait/ }],
      ['an empty match list (JSON)', json(`[{ "key": "a", "match": { "team": [] } }]`), { path: 'policies[0].match.team', detail: /non-empty array/ }],
      ['a soft limit above the hard limit (YAML)', yaml(`- key: a\n  limits:\n    budget: { period: daily, soft_limit_usd: 9, hard_limit_usd: 5 }\n`), { path: 'policies[0].limits.budget.soft_limit_usd', detail: /must not exceed/ }],
      ['a bad currency code (YAML)', yaml(`- key: a\n  currency: euro\n`), { path: 'policies[0].currency', detail: /3-letter currency code/ }],
      ['a scalar document (YAML)', yaml(`42\n`), { path: '', detail: /array of policies/ }],
      ['invalid YAML syntax', yaml(`policies: [\n  - key: a\n`), { path: '', detail: /not valid YAML/ }],
      ['invalid JSON syntax', json(`[{ "key": "a", }]`), { path: '', detail: /not valid JSON/ }],
    ]
    for (const [name, load, expected] of cases) {
      it(`rejects ${name}`, () => {
        const issues = issuesOf(load)
        expect(issues.some((issue) => issue.path === expected.path && expected.detail.test(issue.detail))).toBe(true)
      })
    }
  })

  it('reports every problem at once, in policy order, in one error message', () => {
    const load = json(`[
      { "key": "a", "limits": { "budget": { "period": "yearly", "hard_limit_usd": 1 } } },
      { "key": "b", "limits": { "tokens_per_minute": 0, "max_concurent": 2 } },
      { "key": "a" }
    ]`)
    let error: ConfigError | undefined
    try {
      load()
    } catch (caught) {
      error = caught as ConfigError
    }
    expect(error!.issues.map((issue) => issue.path)).toEqual([
      'policies[0].limits.budget.period',
      'policies[1].limits.tokens_per_minute',
      'policies[1].limits.max_concurent',
      'policies[2].key',
    ])
    expect(error!.path).toBe('policies[0].limits.budget.period')
    expect(error!.message).toContain('policies[0].limits.budget.period: expected one of hourly|daily|weekly|monthly|total')
  })

  it('rejects a policy source over 1 MiB before parsing it, file or text', () => {
    const huge = `policies: []\n#${'x'.repeat(1_048_576)}\n`
    expect(() => parsePolicyText(huge, 'yaml')).toThrow('policy file is 1048591 bytes; the limit is 1048576 (1 MiB)')
    const file = join(mkdtempSync(join(tmpdir(), 'finops-policies-')), 'huge.yaml')
    writeFileSync(file, huge)
    expect(() => loadPolicies(file)).toThrow(`policy file ${file} is 1048591 bytes; the limit is 1048576 (1 MiB)`)
  })

  it('bounds maxWaitMs at 10 minutes, per policy and file-wide', () => {
    expect(issuesOf(() => loadPolicies({ maxWaitMs: 3e9, policies: [{ key: 'p', onLimit: 'wait', maxWaitMs: '11m', limits: { max_concurrent: 1 } }] }))).toEqual([
      { path: 'maxWaitMs', detail: 'expected at most 600000 ms (10m); reject and use retryAfterMs for longer waits' },
      { path: 'policies[0].maxWaitMs', detail: 'expected at most 600000 ms (10m); reject and use retryAfterMs for longer waits' },
    ])
    expect(loadPolicies([{ key: 'p', onLimit: 'wait', maxWaitMs: '10m', limits: { max_concurrent: 1 } }])[0]?.maxWaitMs).toBe(600_000)
  })
})
