import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { callPathOf, createFinOps, type CallHandle } from '@finops-ai/core'
import { afterEach, describe, expect, it } from 'vitest'
import { usageRecord } from '../focus/usage-record-fixture.js'
import { jsonlUsageSink, type JsonlUsageSink } from './jsonl-usage-sink.js'

const sinks: JsonlUsageSink[] = []
const directory = () => mkdtempSync(join(tmpdir(), 'usage-sink-'))
const open = (options: Parameters<typeof jsonlUsageSink>[0]) => {
  const sink = jsonlUsageSink(options)
  sinks.push(sink)
  return sink
}
const linesOf = (path: string) => readFileSync(path, 'utf8').split('\n').filter(Boolean)
const record = (startTime: string) => usageRecord({ startTime })

afterEach(() => {
  for (const sink of sinks.splice(0)) sink.close()
})

describe('jsonlUsageSink', () => {
  it('appends one JSON line per record once flushed, and its returned promise resolves after the write', async () => {
    const path = join(directory(), 'usage.jsonl')
    const sink = open({ path, flushIntervalMs: 60_000 })
    const written = sink(record('2026-11-28T09:00:00.000Z'))
    sink(record('2026-11-28T09:00:01.000Z'))
    expect(() => readFileSync(path)).toThrow()
    await sink.flush()
    await written
    expect(linesOf(path).map((line) => JSON.parse(line).startTime)).toEqual(['2026-11-28T09:00:00.000Z', '2026-11-28T09:00:01.000Z'])
  })

  it('is flushed by finops.flush() after a real engine call', async () => {
    const path = join(directory(), 'usage.jsonl')
    const finops = createFinOps({ onUsage: open({ path }), prices: { 'gpt-4o': { input: 2.5, output: 10 } } })
    const handle = callPathOf(finops).begin({ provider: 'openai', operation: 'chat', model: 'gpt-4o', stream: false, estimatedInputTokens: 10 }) as CallHandle
    handle.succeed({ usage: { inputTokens: 1000, outputTokens: 100 } })
    await finops.flush()
    const [line] = linesOf(path)
    expect(JSON.parse(line!)).toMatchObject({ provider: 'openai', model: 'gpt-4o', cost: { usdNanos: 3_500_000 } })
  })

  it('writes at once when the buffer is full (backpressure instead of dropping)', () => {
    const path = join(directory(), 'usage.jsonl')
    const sink = open({ path, maxBufferedRecords: 3, flushIntervalMs: 60_000 })
    for (let index = 0; index < 7; index++) sink(record(`2026-11-28T09:00:0${index}.000Z`))
    expect(linesOf(path)).toHaveLength(6)
  })

  it('rotates by size without splitting a batch, and by UTC day', async () => {
    const folder = directory()
    const path = join(folder, 'usage.jsonl')
    let now = Date.parse('2026-11-28T23:59:00Z')
    const sink = open({ path, rotate: { maxBytes: 400, daily: true }, clock: () => now })
    for (let index = 0; index < 3; index++) {
      sink(record('2026-11-28T23:59:00.000Z'))
      await sink.flush()
    }
    now = Date.parse('2026-11-29T00:00:01Z')
    sink(record('2026-11-29T00:00:01.000Z'))
    await sink.flush()
    expect(readdirSync(folder).sort()).toEqual(['usage-2026-11-28.1.jsonl', 'usage-2026-11-28.2.jsonl', 'usage-2026-11-28.jsonl', 'usage.jsonl'])
    expect(linesOf(path)).toHaveLength(1)
    expect(linesOf(join(folder, 'usage-2026-11-28.jsonl'))).toHaveLength(1)
  })

  it('terminates a half line left by a crash before appending, so only that line is lost', async () => {
    const path = join(directory(), 'usage.jsonl')
    writeFileSync(path, `${JSON.stringify(record('2026-11-28T09:00:00.000Z'))}\n{"id":"cut`)
    const sink = open({ path })
    sink(record('2026-11-28T09:00:01.000Z'))
    await sink.flush()
    const lines = linesOf(path)
    expect(lines).toHaveLength(3)
    expect(lines[1]).toBe('{"id":"cut')
    expect(JSON.parse(lines[2]!).startTime).toBe('2026-11-28T09:00:01.000Z')
  })

  it('writes the records of one tick in one batch by default', async () => {
    const path = join(directory(), 'usage.jsonl')
    const sink = open({ path })
    const first = sink(record('2026-11-28T09:00:00.000Z'))
    const second = sink(record('2026-11-28T09:00:01.000Z'))
    expect(first).toBe(second)
    await first
    expect(linesOf(path)).toHaveLength(2)
  })

  it('rejects the batch promise when the file cannot be written, keeping the records for a retry', async () => {
    const folder = directory()
    const sink = open({ path: join(folder, 'missing', 'usage.jsonl') })
    await expect(sink(record('2026-11-28T09:00:00.000Z')) && sink.flush()).rejects.toThrow(/cannot write usage records/)
    expect(sink.dropped).toBe(0)
  })
})
