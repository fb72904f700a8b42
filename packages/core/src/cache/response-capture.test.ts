import { describe, expect, it } from 'vitest'
import { ResponseCapture, type CapturedResponseWriter } from './response-capture.js'
import type { CachedResponse } from './response-cache-store.js'

/** A writer recording what is stored; `settled()` waits for the capture's pending reads. */
function recordingWriter() {
  const written: Array<{ key: string; response: CachedResponse }> = []
  const pending: Promise<unknown>[] = []
  const writer: CapturedResponseWriter = {
    write: (key, response) => void written.push({ key, response }),
    track: (promise) => void pending.push(promise),
    clock: () => Date.parse('2026-12-03T10:00:00Z'),
  }
  return { writer, written, settled: () => Promise.all(pending) }
}

const json = (status = 200, type = 'application/json') => new Response('{"ok":true}', { status, headers: { 'content-type': type } })

describe('ResponseCapture', () => {
  it('stores a successful JSON response once the call succeeded, the caller still reading its own body', async () => {
    const { writer, written, settled } = recordingWriter()
    const capture = new ResponseCapture(writer, 'key')
    const response = json()
    const watched = Promise.resolve({ response })
    capture.watch(watched)
    await watched
    await settled()
    expect(written).toEqual([])
    capture.settle(true)
    expect(written).toEqual([{ key: 'key', response: { status: 200, headers: { 'content-type': 'application/json' }, body: '{"ok":true}', storedAt: '2026-12-03T10:00:00.000Z' } }])
    await expect(response.json()).resolves.toEqual({ ok: true })
  })

  it('waits for the body when the call succeeded first', async () => {
    const { writer, written, settled } = recordingWriter()
    const capture = new ResponseCapture(writer, 'key')
    capture.settle(true)
    const watched = Promise.resolve({ response: json() })
    capture.watch(watched)
    await watched
    await settled()
    expect(written).toHaveLength(1)
  })

  it.each([
    ['a failed call', json(), false],
    ['a binary body', json(200, 'audio/mpeg'), true],
  ])('stores nothing for %s', async (_, response, ok) => {
    const { writer, written, settled } = recordingWriter()
    const capture = new ResponseCapture(writer, 'key')
    const watched = Promise.resolve({ response })
    capture.watch(watched)
    await watched
    await settled()
    capture.settle(ok)
    expect(written).toEqual([])
  })

  it('stores nothing when the body breaks off', async () => {
    const { writer, written, settled } = recordingWriter()
    const capture = new ResponseCapture(writer, 'key')
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('data: {"a":1}\n\n'))
        controller.error(new Error('socket hang up'))
      },
    })
    const watched = Promise.resolve({ response: new Response(body, { headers: { 'content-type': 'text/event-stream' } }) })
    capture.watch(watched)
    await watched
    await settled()
    capture.settle(true)
    expect(written).toEqual([])
  })
})
