import { describe, expect, it } from 'vitest'
import { run } from './main.js'

describe('runaway-agent example', () => {
  it('stops the never-ending loop with the cost-velocity breaker within one call of the limit', async () => {
    const lines: string[] = []
    const { steps, stoppedBy, circuitOpen, points, records, velocityLimitUsd } = await run({ log: (line) => lines.push(line) })

    expect(stoppedBy?.reason).toBe('circuit_breaker')
    expect(stoppedBy?.policy).toBe('research-agent')
    expect(stoppedBy?.retryAfterMs).toBe(600_000)
    expect(steps).toBeGreaterThan(3)

    const completed = records.filter((record) => record.status === 'ok')
    const spent = completed.reduce((sum, record) => sum + (record.cost?.amount ?? 0), 0)
    const largestCall = Math.max(...completed.map((record) => record.cost?.amount ?? 0))
    expect(completed).toHaveLength(steps)
    // Never over the limit (the breaker checks before sending), and stopped less than one call short of it.
    expect(spent).toBeLessThanOrEqual(velocityLimitUsd)
    expect(velocityLimitUsd - spent).toBeLessThan(largestCall)
    expect(stoppedBy?.current).toBeCloseTo(spent, 9)
    expect(circuitOpen?.velocity).toBeGreaterThan(velocityLimitUsd)
    // The stopped call was never sent: its record is a denial with zero usage.
    expect(records.at(-1)).toMatchObject({ status: 'denied', errorType: 'circuit_breaker', usage: { inputTokens: 0, outputTokens: 0 } })

    expect(points.map((point) => point.call)).toEqual(Array.from({ length: steps }, (_, index) => index + 1))
    expect(points.at(-1)?.cumulative).toBeCloseTo(spent, 9)
    const output = lines.join('\n')
    expect(output).toContain(`${String(steps + 1).padStart(4)}           -  stopped: circuit_breaker of research-agent, retry in 10 min`)
    expect(output).toMatch(/circuit_open: spent 0\.\d{6} USD in \d+ s; the next call would have made it 0\.\d{6} USD\/min > 0\.05 USD\/min/)
  })

  it('measures spend per trailing minute: slower steps let the same agent run longer', async () => {
    const fast = await run({ log: () => {}, stepMs: 4000 })
    const slow = await run({ log: () => {}, stepMs: 20_000 })
    expect(slow.stoppedBy?.reason).toBe('circuit_breaker')
    expect(slow.steps).toBeGreaterThan(fast.steps)
  })
})
