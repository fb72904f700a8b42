import { pathToFileURL } from 'node:url'
import { createFinOps, withAttribution, type CircuitOpenEvent, type LimitExceededError, type UsageRecord } from '@finops-ai/core'
import { withFinOps } from '@finops-ai/openai'
import { fakeProvider } from '@finops-ai/testing'
import OpenAI from 'openai'
import { runAgentLoop } from './agent-loop.js'
import { spendChart, type SpendPoint } from './spend-chart.js'

/** Options of {@link run}. */
export interface RunOptions {
  /** Where output goes. Default `console.log`. */
  log?: (line: string) => void
  /** The breaker's limit: cost per trailing minute, USD. Default `0.05`. */
  velocityLimitUsd?: number
  /** Simulated time each agent step takes (tool call, parsing), ms. Default `4000`. */
  stepMs?: number
}

/** What {@link run} observed. */
export interface RunResult {
  /** Model calls that completed before the stop. */
  steps: number
  /** The denial that stopped the loop (`undefined` if the safety net of 100 steps was reached). */
  stoppedBy: LimitExceededError | undefined
  /** The breaker's `circuit_open` event. */
  circuitOpen: CircuitOpenEvent | undefined
  /** Cumulative spend after each completed call. */
  points: SpendPoint[]
  records: UsageRecord[]
  velocityLimitUsd: number
}

const goods = ['oil', 'tin', 'ore', 'jet', 'gas', 'ink', 'fur', 'tea', 'rye', 'oat']
/** 300 words of "search results": every step adds them to the agent's context. */
const searchResult = (step: number) => Array.from({ length: 300 }, (_, word) => goods[(step + word) % goods.length]).join(' ')

/**
 * The demo: a research agent that never finishes, wrapped in a policy with a cost-velocity circuit
 * breaker. Time is simulated with a controllable clock (`createFinOps({ clock })`), so the minute
 * the breaker measures passes instantly; each agent step advances it by `stepMs`. Runs against the
 * built-in fake provider (deterministic token counts, no API key).
 */
export async function run({ log = console.log, velocityLimitUsd = 0.05, stepMs = 4000 }: RunOptions = {}): Promise<RunResult> {
  const provider = await fakeProvider()
  let now = Date.parse('2025-06-02T09:00:00Z')
  const records: UsageRecord[] = []
  let circuitOpen: CircuitOpenEvent | undefined
  const finops = createFinOps({
    clock: () => now,
    policies: [
      {
        key: 'research-agent',
        match: { feature: 'research-agent' },
        limits: { circuit_breaker: { cost_velocity_usd_per_min: velocityLimitUsd, cooldown: '10m' } },
      },
    ],
    onUsage: (record) => void records.push(record),
    onEvent: (event) => {
      if (event.type === 'circuit_open') circuitOpen = event
    },
  })
  const openai = withFinOps(new OpenAI({ apiKey: 'no-key-needed', baseURL: provider.openaiBaseURL }), { finops })
  const points: SpendPoint[] = []
  let cumulative = 0

  try {
    log(`research agent on gpt-4o; breaker: cost_velocity_usd_per_min ${velocityLimitUsd}, cooldown 10m; each step takes ${stepMs / 1000} s (simulated)\n`)
    const { steps, stoppedBy } = await withAttribution({ feature: 'research-agent', run: 'run-0001' }, () =>
      runAgentLoop({
        openai,
        task: 'Find every supplier that ever shipped late and explain why.',
        tool: searchResult,
        afterStep: async (step) => {
          await finops.flush()
          cumulative += records.at(-1)?.cost?.amount ?? 0
          points.push({ call: step, cumulative })
          now += stepMs
        },
      }),
    )
    const stopped = stoppedBy ? `stopped: ${stoppedBy.reason} of ${stoppedBy.policy}, retry in ${Math.round((stoppedBy.retryAfterMs ?? 0) / 60_000)} min` : 'not stopped'
    log(spendChart(points, { limit: velocityLimitUsd, currency: 'USD', stopped }))
    if (circuitOpen !== undefined) {
      log(
        `\ncircuit_open: spent ${cumulative.toFixed(6)} USD in ${((steps * stepMs) / 1000).toFixed(0)} s; the next call would have made it ` +
          `${circuitOpen.velocity.toFixed(6)} USD/min > ${circuitOpen.limit} USD/min, so it was not sent`,
      )
    }
    return { steps, stoppedBy, circuitOpen, points, records, velocityLimitUsd }
  } finally {
    await provider.close()
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await run()
}
