import { readFileSync } from 'node:fs'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { CallHandle } from '../call/call-path.js'
import { callPathOf } from '../engine/call-path-of.js'
import { createFinOps } from '../engine/create-finops.js'
import type { EstimateOptions } from '../engine/finops-options.js'
import { LimitExceededError } from '../errors/limit-exceeded-error.js'

/**
 * Simulated traffic against a real engine (memory store) with one hard `total` budget per user:
 * every call's reservation is read from the store, so what is checked is what the engine reserved.
 */

/** `sim-model` costs $1 / 1M input and $4 / 1M output tokens: nano-USD per token. */
const inputNanos = 1000
const outputNanos = 4000

/** Seeded uniform [0, 1) (mulberry32): the same seed always gives the same month. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let value = Math.imul(state ^ (state >>> 15), 1 | state)
    value = (value + Math.imul(value ^ (value >>> 7), 61 | value)) ^ value
    return ((value ^ (value >>> 14)) >>> 0) / 4_294_967_296
  }
}

function logNormal(random: () => number, median: number, sigma: number): number {
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random())
  return Math.round(median * Math.exp(sigma * normal))
}

/** Features with their output lengths, each sending a generous `max_tokens`. */
const features = [
  { name: 'support-chat', inputTokens: 1200, maxTokens: 4096, output: (random: () => number) => logNormal(random, 250, 0.6) },
  { name: 'summarise', inputTokens: 3000, maxTokens: 2048, output: (random: () => number) => 140 + Math.round(80 * random()) },
  { name: 'classify', inputTokens: 400, maxTokens: 1024, output: (random: () => number) => 2 + Math.floor(10 * random()) },
  { name: 'agent-step', inputTokens: 2500, maxTokens: 8192, output: (random: () => number) => logNormal(random, 400, 1) },
]

interface SimulatedCall {
  user: string
  feature: string
  inputTokens: number
  maxTokens: number
  outputTokens: number
  costNanos: number
}

interface Traffic {
  calls: SimulatedCall[]
  users: number
  /** Calls in flight at once (across users). */
  concurrency: number
  /** Hard budget of each user, nano-USD. */
  limitNanos: number
  seed: number
}

/** A month of calls: users of uneven activity, features drawn uniformly; each user's budget is the mean user's spend. */
function generateTraffic(seed: number, options: { calls: number; users: number; concurrency: number }): Traffic {
  const random = seededRandom(seed)
  const weights = Array.from({ length: options.users }, () => 0.7 + 0.6 * random())
  const totalWeight = weights.reduce((sum, weight) => sum + weight, 0)
  const calls: SimulatedCall[] = []
  let totalNanos = 0
  for (let index = 0; index < options.calls; index++) {
    let pick = random() * totalWeight
    const user = weights.findIndex((weight) => (pick -= weight) < 0)
    const feature = features[Math.floor(random() * features.length)]!
    const outputTokens = Math.min(feature.maxTokens, Math.max(0, feature.output(random)))
    const costNanos = feature.inputTokens * inputNanos + outputTokens * outputNanos
    totalNanos += costNanos
    calls.push({ user: `user-${user === -1 ? options.users - 1 : user}`, feature: feature.name, inputTokens: feature.inputTokens, maxTokens: feature.maxTokens, outputTokens, costNanos })
  }
  return { calls, users: options.users, concurrency: options.concurrency, limitNanos: Math.round(totalNanos / options.users), seed }
}

interface SimulationOutcome {
  calls: number
  denials: number
  /** Denied although the user's settled spend, the real cost of its calls in flight and this call's real cost fit the budget. */
  falseDenials: number
  /** Settled cost of all users, nano-USD. */
  spentNanos: number
  /** Largest `spent − hard limit` over users, nano-USD (0 when none overshot). */
  overshootNanos: number
  /** Per user: overshoot minus the documented bound (the excess over their reservation of the calls in flight at its last admission); never positive when the bound holds. */
  worstBoundMarginNanos: number
  /** Largest overshoot allowed by the coarse bound: most calls in flight of one user × the largest (max_tokens − reserved output) × output price. */
  coarseBoundNanos: number
}

interface InFlight {
  call: SimulatedCall
  handle: CallHandle
  reservedNanos: number
}

function simulate(traffic: Traffic, estimate: EstimateOptions): SimulationOutcome {
  let now = Date.UTC(2026, 0, 1)
  const finops = createFinOps({
    clock: () => now,
    estimate,
    prices: { 'sim-model': { input: 1, output: 4 } },
    policies: [{ key: 'per-user', per: 'user', limits: { budget: { period: 'total', hard_limit_usd: traffic.limitNanos / 1e9 } } }],
  })
  const path = callPathOf(finops)
  const random = seededRandom(traffic.seed ^ 0x5eed)
  const reservedNanos = (user: string) => {
    const spend = finops.spend({ policy: 'per-user', key: user })
    if (spend instanceof Promise) throw new Error('the memory store answers synchronously')
    return Math.round(spend.reserved * 1e9)
  }
  const inFlight: InFlight[] = []
  const spentNanos = new Map<string, number>()
  const excessAtLastAdmission = new Map<string, number>()
  const mostInFlight = new Map<string, number>()
  let largestHeadroomTokens = 0
  let denials = 0
  let falseDenials = 0
  const settleOne = () => {
    const [settled] = inFlight.splice(Math.floor(random() * inFlight.length), 1)
    if (settled === undefined) return
    settled.handle.succeed({ usage: { inputTokens: settled.call.inputTokens, outputTokens: settled.call.outputTokens } })
    spentNanos.set(settled.call.user, (spentNanos.get(settled.call.user) ?? 0) + settled.call.costNanos)
  }
  const stepMs = (30 * 24 * 3600 * 1000) / traffic.calls.length
  for (const call of traffic.calls) {
    now += stepMs
    while (inFlight.length >= traffic.concurrency) settleOne()
    const userInFlight = inFlight.filter((running) => running.call.user === call.user)
    const before = reservedNanos(call.user)
    let handle: CallHandle
    try {
      handle = path.begin({
        provider: 'openai',
        operation: 'chat',
        model: 'sim-model',
        stream: false,
        maxOutputTokens: call.maxTokens,
        estimatedInputTokens: call.inputTokens,
        clientAttribution: { user: call.user, feature: call.feature },
      }) as CallHandle
    } catch (error) {
      if (!(error instanceof LimitExceededError)) throw error
      denials++
      const committed = (spentNanos.get(call.user) ?? 0) + userInFlight.reduce((sum, running) => sum + running.call.costNanos, 0)
      if (committed + call.costNanos <= traffic.limitNanos) falseDenials++
      continue
    }
    const running = { call, handle, reservedNanos: reservedNanos(call.user) - before }
    inFlight.push(running)
    userInFlight.push(running)
    const reservedOutput = (running.reservedNanos - call.inputTokens * inputNanos) / outputNanos
    largestHeadroomTokens = Math.max(largestHeadroomTokens, call.maxTokens - reservedOutput)
    mostInFlight.set(call.user, Math.max(mostInFlight.get(call.user) ?? 0, userInFlight.length))
    excessAtLastAdmission.set(
      call.user,
      userInFlight.reduce((sum, each) => sum + Math.max(0, each.call.costNanos - each.reservedNanos), 0),
    )
  }
  while (inFlight.length > 0) settleOne()
  let overshootNanos = 0
  let worstBoundMarginNanos = Number.NEGATIVE_INFINITY
  for (const [user, spent] of spentNanos) {
    const spend = finops.spend({ policy: 'per-user', key: user }) as { spent: number }
    expect(Math.round(spend.spent * 1e9)).toBe(spent)
    const overshoot = spent - traffic.limitNanos
    overshootNanos = Math.max(overshootNanos, overshoot)
    worstBoundMarginNanos = Math.max(worstBoundMarginNanos, overshoot - (excessAtLastAdmission.get(user) ?? 0))
  }
  const coarseBoundNanos = Math.max(0, ...mostInFlight.values()) * largestHeadroomTokens * outputNanos
  const totalSpentNanos = [...spentNanos.values()].reduce((sum, spent) => sum + spent, 0)
  return { calls: traffic.calls.length, denials, falseDenials, spentNanos: totalSpentNanos, overshootNanos, worstBoundMarginNanos, coarseBoundNanos }
}

const monthSeed = 20_261_203
const month = generateTraffic(monthSeed, { calls: 20_000, users: 40, concurrency: 32 })

describe("reserve: 'learned' over a simulated month", () => {
  let max: SimulationOutcome
  let learned: SimulationOutcome
  beforeAll(() => {
    max = simulate(month, { reserve: 'max' })
    learned = simulate(month, { reserve: 'learned' })
  })

  it('never overshoots with max, and within the documented bound with learned', () => {
    expect(max.overshootNanos).toBe(0)
    expect(learned.worstBoundMarginNanos).toBeLessThanOrEqual(0)
    expect(learned.overshootNanos).toBeLessThanOrEqual(learned.coarseBoundNanos)
  })

  it('denies fewer calls falsely than max', () => {
    expect(learned.falseDenials).toBeLessThan(max.falseDenials)
  })

  it('states these numbers in docs/policies.md', () => {
    const row = (mode: string, outcome: SimulationOutcome) =>
      `| \`${mode}\` | ${outcome.denials} | ${outcome.falseDenials} | $${(outcome.spentNanos / 1e9).toFixed(2)} | $${(outcome.overshootNanos / 1e9).toFixed(4)} |`
    const docs = readFileSync(new URL('../../../../docs/policies.md', import.meta.url), 'utf8')
    expect(docs).toContain(`seed ${monthSeed}`)
    expect(docs).toContain(`$${(month.limitNanos / 1e9).toFixed(2)} per user`)
    expect(docs).toContain(row('max', max))
    expect(docs).toContain(row('learned', learned))
  })
})

describe("reserve: 'learned' overshoot bound", () => {
  it('keeps every hard budget within the excess of the calls in flight at its last admission', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 2 ** 31 - 1 }),
        fc.integer({ min: 1, max: 48 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 1, max: 30 }),
        (seed, concurrency, users, minSamples) => {
          const traffic = generateTraffic(seed, { calls: 400, users, concurrency })
          const outcome = simulate(traffic, { reserve: 'learned', learnedMinSamples: minSamples, learnedWindow: 50 })
          expect(outcome.worstBoundMarginNanos).toBeLessThanOrEqual(0)
          expect(outcome.overshootNanos).toBeLessThanOrEqual(outcome.coarseBoundNanos)
        },
      ),
      { numRuns: 40 },
    )
  })
})
