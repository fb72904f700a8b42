import { describe, expect, it } from 'vitest'
import { keepItem } from './keep-stream-item.js'
import type { StreamObserver } from './observe-stream.js'

function observer(item: StreamObserver<number>['item']): StreamObserver<number> {
  return { item, first: () => {}, end: () => {} }
}

describe('keepItem', () => {
  it('keeps an item unless the observer answers false', () => {
    expect(keepItem(observer(() => undefined), 1)).toBe(true)
    expect(keepItem(observer(() => true), 1)).toBe(true)
    expect(keepItem(observer(() => false), 1)).toBe(false)
  })

  it('keeps the item when the observer throws', () => {
    expect(
      keepItem(
        observer(() => {
          throw new Error('observer (injected)')
        }),
        1,
      ),
    ).toBe(true)
  })
})
