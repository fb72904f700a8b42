import { describe, expect, it } from 'vitest'
import { completeMessageBatch, createMessageBatch, messageBatchResults, retrieveMessageBatch, type FakeMessageBatch } from './anthropic-batch-routes.js'

let ids = 0
const context = { usage: {}, replyWords: 3, nextId: (prefix: string) => `${prefix}${++ids}`, requestId: 'req_1', now: 1_700_000_000 }

describe('Anthropic message batch routes', () => {
  it('ends a batch with one JSON line per request and a results_url under the base URL', () => {
    const batches = new Map<string, FakeMessageBatch>()
    const created = createMessageBatch(batches, { requests: [{ custom_id: 'a', params: { model: 'claude-haiku-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'Hello there' }] } }] }, context)
    const id = (created as { body: { id: string } }).body.id
    expect(messageBatchResults(batches, id, 'req_2')).toMatchObject({ type: 'json', status: 400 })
    completeMessageBatch(batches.get(id)!, 'http://127.0.0.1:1', context)
    expect(retrieveMessageBatch(batches, id, 'req_3')).toMatchObject({ body: { processing_status: 'ended', results_url: `http://127.0.0.1:1/v1/messages/batches/${id}/results`, request_counts: { succeeded: 1 } } })
    const results = messageBatchResults(batches, id, 'req_4') as { body: string }
    expect(JSON.parse(results.body.trim())).toMatchObject({ custom_id: 'a', result: { type: 'succeeded', message: { usage: { input_tokens: 2, output_tokens: 3 } } } })
  })

  it('refuses a batch without requests and answers 404 for an unknown one', () => {
    expect(createMessageBatch(new Map(), { requests: [] }, context)).toMatchObject({ status: 400 })
    expect(retrieveMessageBatch(new Map(), 'msgbatch_missing', 'req_5')).toMatchObject({ status: 404 })
  })
})
