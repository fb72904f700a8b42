import { describe, expect, it } from 'vitest'
import { reservationKeyMemory } from './reservation-key-memory.js'

describe('reservationKeyMemory', () => {
  it('remembers the counter keys of a reservation until it is forgotten', () => {
    const memory = reservationKeyMemory(1_000)
    memory.remember('a', ['{p}:c:x', '{p}:b:y', '{p}:bl:y'])
    expect(memory.keysOf('a')).toEqual(['{p}:c:x', '{p}:b:y', '{p}:bl:y'])
    expect(memory.keysOf('b')).toBeUndefined()
    memory.forget('a')
    expect(memory.keysOf('a')).toBeUndefined()
  })

  it('drops entries older than their lifetime when new ones come, so unsettled ones do not pile up', () => {
    let now = 0
    const memory = reservationKeyMemory(1_000, () => now)
    memory.remember('old', ['{p}:c:x'])
    now = 500
    memory.remember('middle', ['{p}:c:x'])
    now = 1_000
    memory.remember('new', ['{p}:c:x'])
    expect([memory.keysOf('old'), memory.keysOf('middle'), memory.keysOf('new')]).toEqual([undefined, ['{p}:c:x'], ['{p}:c:x']])
  })
})
