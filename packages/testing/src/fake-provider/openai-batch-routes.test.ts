import { describe, expect, it } from 'vitest'
import { completeOpenAIBatch, createBatch, readFile, retrieveBatch, type FakeFile, type FakeOpenAIBatch } from './openai-batch-routes.js'

let ids = 0
const context = { usage: {}, replyWords: 4, nextId: (prefix: string) => `${prefix}${++ids}`, requestId: 'req_1', now: 1_700_000_000 }

function batchOf(lines: unknown[]): { files: Map<string, FakeFile>; batches: Map<string, FakeOpenAIBatch>; id: string } {
  const files = new Map<string, FakeFile>([['file-in', { object: { id: 'file-in' }, bytes: Buffer.from(lines.map((line) => JSON.stringify(line)).join('\n')) }]])
  const batches = new Map<string, FakeOpenAIBatch>()
  const created = createBatch(files, batches, { input_file_id: 'file-in', endpoint: '/v1/responses', completion_window: '24h' }, context)
  return { files, batches, id: (created as { body: { id: string } }).body.id }
}

describe('completeOpenAIBatch', () => {
  it('sums the usage of Responses lines and writes one output line per request', () => {
    const { files, batches, id } = batchOf([
      { custom_id: 'a', method: 'POST', url: '/v1/responses', body: { model: 'gpt-5-mini', input: 'one two three' } },
      { custom_id: 'b', method: 'POST', url: '/v1/responses', body: { model: 'gpt-5-mini', input: 'four five' } },
    ])
    completeOpenAIBatch(batches.get(id)!, files, context)
    const batch = (retrieveBatch(batches, id) as { body: Record<string, unknown> }).body
    expect(batch).toMatchObject({ status: 'completed', model: 'gpt-5-mini', usage: { input_tokens: 5, output_tokens: 8, total_tokens: 13 } })
    const output = readFile(files, batch.output_file_id as string, true) as { body: Buffer }
    expect(output.body.toString().trim().split('\n').map((line) => (JSON.parse(line) as { custom_id: string }).custom_id)).toEqual(['a', 'b'])
  })

  it('answers 404 in the output line of a request to an endpoint it does not serve', () => {
    const { files, batches, id } = batchOf([{ custom_id: 'm', method: 'POST', url: '/v1/moderations', body: { model: 'omni-moderation-latest', input: 'hi' } }])
    completeOpenAIBatch(batches.get(id)!, files, context)
    const batch = batches.get(id)!.object
    const output = (readFile(files, batch.output_file_id as string, true) as { body: Buffer }).body.toString()
    expect(JSON.parse(output)).toMatchObject({ custom_id: 'm', response: { status_code: 404, body: null } })
    expect(batch.usage).toMatchObject({ input_tokens: 0, output_tokens: 0 })
  })
})

describe('createBatch', () => {
  it('refuses an unknown input file', () => {
    expect(createBatch(new Map(), new Map(), { input_file_id: 'file-missing' }, context)).toMatchObject({ type: 'json', status: 400 })
  })
})
