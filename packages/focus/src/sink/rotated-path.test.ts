import { describe, expect, it } from 'vitest'
import { rotatedPath, utcDay } from './rotated-path.js'

describe('rotatedPath', () => {
  it('names a rotated file after its UTC day, numbering further rotations of that day', () => {
    expect(rotatedPath('/logs/usage.jsonl', '2026-11-28', () => false)).toBe('/logs/usage-2026-11-28.jsonl')
    const taken = new Set(['/logs/usage-2026-11-28.jsonl', '/logs/usage-2026-11-28.1.jsonl'])
    expect(rotatedPath('/logs/usage.jsonl', '2026-11-28', (path) => taken.has(path))).toBe('/logs/usage-2026-11-28.2.jsonl')
  })

  it('uses the UTC day', () => {
    expect(utcDay(new Date('2026-11-28T23:59:59.999-01:00'))).toBe('2026-11-29')
  })
})
