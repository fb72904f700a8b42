import { describe, expect, it } from 'vitest'
import type { FinOpsEvent } from '../engine/finops-event.js'
import { DedupeWindow } from './dedupe-window.js'

const event = (type: 'circuit_open' | 'circuit_closed', policy: string, atMs: number): FinOpsEvent =>
  type === 'circuit_closed'
    ? { type, policy, key: '', at: new Date(atMs) }
    : { type, policy, key: '', at: new Date(atMs), velocity: 2, limit: 1, currency: 'USD', until: new Date(atMs + 1) }

describe('DedupeWindow', () => {
  it('admits one event per type and policy within the window, judged by the events’ time', () => {
    const window = new DedupeWindow(1_000)
    expect(window.admit(event('circuit_closed', 'a', 0))).toBe(true)
    expect(window.admit(event('circuit_closed', 'a', 999))).toBe(false)
    expect(window.admit(event('circuit_closed', 'b', 999))).toBe(true)
    expect(window.admit(event('circuit_open', 'a', 999))).toBe(true)
    expect(window.admit(event('circuit_closed', 'a', 1_000))).toBe(true)
    expect(window.admit(event('circuit_closed', 'a', 1_500))).toBe(false)
  })

  it('admits everything with a window of 0', () => {
    const window = new DedupeWindow(0)
    expect(window.admit(event('circuit_closed', 'a', 0))).toBe(true)
    expect(window.admit(event('circuit_closed', 'a', 0))).toBe(true)
  })

  it('still deduplicates after sweeping expired entries of many policies', () => {
    const window = new DedupeWindow(1_000)
    for (let index = 0; index < 1_500; index++) window.admit(event('circuit_closed', `old-${index}`, 0))
    expect(window.admit(event('circuit_closed', 'recent', 5_000))).toBe(true)
    expect(window.admit(event('circuit_closed', 'recent', 5_500))).toBe(false)
    expect(window.admit(event('circuit_closed', 'old-1', 5_500))).toBe(true)
  })
})
