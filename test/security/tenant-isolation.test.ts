// One tenant's attribution values can never reach another tenant's counters: separators, unicode,
// values at the length limit and hashed users all get their own budgets and rate limits.
import { callPathOf, createFinOps, LimitExceededError, MAX_ATTRIBUTION_VALUE_LENGTH, withAttribution, type CallRequest, type FinOps } from '@finops-ai/core'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { escapeKeyPart, redisKeys } from '../../packages/redis/src/redis-keys.js'

const request: CallRequest = { provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 8, maxOutputTokens: 16 }

/** An engine where every user may make one request per minute and has its own daily budget. */
function perUserEngine(): FinOps {
  return createFinOps({
    policies: [{ key: 'tenant', per: 'user', limits: { requests_per_minute: 1, budget: { period: 'daily', hard_limit_usd: 10 } } }],
    attribution: { onMissing: 'allow' },
  })
}

/** Runs one call as `user` through the engine; true when admitted, false when denied by a guard. */
function callAs(finops: FinOps, user: string, outputTokens = 16): boolean {
  return withAttribution({ user }, () => {
    try {
      const handle = callPathOf(finops).begin(request)
      if (handle instanceof Promise) throw new Error('the memory store admits synchronously')
      handle.succeed({ usage: { inputTokens: 8, outputTokens } })
      return true
    } catch (error) {
      if (LimitExceededError.isInstance(error)) return false
      throw error
    }
  })
}

/** C0 and C1 control characters, which attribution validation strips. */
const isControlCharacter = (character: string) => {
  const code = character.charCodeAt(0)
  return code <= 0x1f || (code >= 0x7f && code <= 0x9f)
}

const separators = ['/', '=', ':', '|', '{', '}', ',', ';', '%', '\\', '"', "'", ' ', '.', '*', '?', '[', ']', '@', '#', '(', ')']
const atLimit = 'x'.repeat(MAX_ATTRIBUTION_VALUE_LENGTH)

/** Pairs of distinct values that a naive key scheme would confuse. */
const confusablePairs: [string, string][] = [
  ['a/b', 'a'],
  ['a', 'a/user=b'],
  ['a=b', 'a'],
  ['a:rpm', 'a'],
  ['a:budget', 'a:rpm'],
  ['a|b', 'a|'],
  ['{a}', 'a'],
  ['{tenant}', 'tenant'],
  ['a/b=c', 'a=b/c'],
  ['a:b:c', 'a::bc'],
  ['\u00e9', 'e\u0301'],
  ['\u00c5', '\u212b'],
  ['\u00c5', 'A\u030a'],
  ['\ud835\udd18', '\ud835'],
  ['\ufb01', 'fi'],
  ['\u0130', 'i\u0307'],
  ['\u200b', '\u200c'],
  ['a\u200db', 'ab'],
  ['user', 'USER'],
  ['x', 'x '],
  ['%3a', ':'],
  ['%003a', ':'],
  [atLimit, `${'x'.repeat(MAX_ATTRIBUTION_VALUE_LENGTH - 1)}y`],
  [atLimit, 'x'.repeat(MAX_ATTRIBUTION_VALUE_LENGTH - 1)],
  [`${'/'.repeat(128)}${'='.repeat(128)}`, `${'='.repeat(128)}${'/'.repeat(128)}`],
]

describe('per-user counters', () => {
  it.each(confusablePairs)('%j and %j get separate rate limits and budgets', (first, second) => {
    const finops = perUserEngine()
    expect(callAs(finops, first)).toBe(true)
    expect(callAs(finops, first), 'the first user is now over its rate limit').toBe(false)
    expect(callAs(finops, second, 32), 'the second user is untouched').toBe(true)
    const firstSpend = finops.spend({ policy: 'tenant', key: first }) as { spent: number }
    const secondSpend = finops.spend({ policy: 'tenant', key: second }) as { spent: number }
    // gpt-4o: 8 × $2.50/M + 16 × $10/M = 180 µUSD; with 32 output tokens: 340 µUSD.
    expect(firstSpend.spent).toBe(0.00018)
    expect(secondSpend.spent).toBe(0.00034)
  })

  it('values with separators differing only by where the separator sits never share a counter (property)', () => {
    const piece = fc.string({ unit: fc.constantFrom('a', 'b', ...separators), minLength: 1, maxLength: 12 })
    fc.assert(
      fc.property(piece, piece, (first, second) => {
        fc.pre(first !== second)
        const finops = perUserEngine()
        return callAs(finops, first) && !callAs(finops, first) && callAs(finops, second)
      }),
      { numRuns: 150 },
    )
  })

  it('arbitrary distinct unicode values up to the length limit never share a counter (property)', () => {
    const value = fc
      .string({ unit: 'binary', minLength: 1, maxLength: MAX_ATTRIBUTION_VALUE_LENGTH })
      // Control characters are stripped by validation; values differing only in them are one value.
      .filter((text) => ![...text].some(isControlCharacter))
    fc.assert(
      fc.property(value, value, (first, second) => {
        fc.pre(first !== second)
        const finops = perUserEngine()
        return callAs(finops, first) && !callAs(finops, first) && callAs(finops, second)
      }),
      { numRuns: 150 },
    )
  })

  it('a value one character over the limit is rejected, not truncated into a neighbour', () => {
    expect(() => withAttribution({ user: `${atLimit}x` }, () => undefined)).toThrow(/limit is 256/)
  })

  it('users of one policy never touch the counters of another policy', () => {
    const finops = createFinOps({
      policies: [
        { key: 'a', per: 'user', limits: { requests_per_minute: 1 } },
        { key: 'b', per: 'team', limits: { requests_per_minute: 1 } },
      ],
      attribution: { onMissing: 'allow' },
    })
    const begin = (attribution: Record<string, string>) =>
      withAttribution(attribution, () => {
        try {
          const handle = callPathOf(finops).begin(request) as { succeed(result: unknown): void }
          handle.succeed({ usage: { inputTokens: 1, outputTokens: 1 } })
          return true
        } catch (error) {
          if (LimitExceededError.isInstance(error)) return (error as LimitExceededError).policy
          throw error
        }
      })
    expect(begin({ user: 'x', team: 'x' })).toBe(true)
    expect(begin({ user: 'y', team: 'x' })).toBe('b/team=x')
    expect(begin({ user: 'x', team: 'y' })).toBe('a/user=x')
    expect(begin({ user: 'team=y', team: 'z' })).toBe(true)
  })
})

describe('redis key components', () => {
  it('escaping is injective and never yields a separator or hash-tag character (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), fc.string({ unit: 'binary', maxLength: 64 }), (first, second) => {
        const a = escapeKeyPart(first)
        expect(a).not.toMatch(/[:{}\s]/)
        if (first !== second) expect(a).not.toBe(escapeKeyPart(second))
      }),
      { numRuns: 300 },
    )
  })

  it('every key stays under its prefix hash tag whatever the counter key holds', () => {
    const keys = redisKeys('finops')
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (counter) => {
        for (const key of [keys.window(counter), keys.budget(counter), keys.breaker(counter), keys.reservation(counter)]) {
          expect(key.startsWith('{finops}:')).toBe(true)
          expect(key.slice('{finops}:'.length)).not.toMatch(/[{}]/)
          expect(key.split(':')).toHaveLength(3)
        }
      }),
      { numRuns: 200 },
    )
  })
})
