import { fakeReplyWords, fakeInputTokens } from './fake-tokens.js'
import { fakeUsage } from './fake-usage.js'
import type { RouteContext, RouteResult } from './fake-route.js'
import { responseUsage } from './openai-usage.js'

/**
 * `POST /v1/responses/compact` (`?beta=true` accepted): a `response.compaction` with one
 * `compaction` output item whose summary is the fake reply. Usage as for `/v1/responses`: input =
 * the words of `instructions` + `input`, output = the reply's words (plus the `setUsage` overrides).
 */
export function responsesCompactRoute(context: RouteContext): RouteResult {
  const { body } = context
  const summary = fakeReplyWords(context.replyWords).join(' ')
  const usage = fakeUsage(fakeInputTokens(body.instructions) + fakeInputTokens(body.input), context.replyWords, context.usage)
  const item = { id: context.nextId('cmp_fake_'), type: 'compaction', encrypted_content: Buffer.from(summary).toString('base64') }
  return {
    type: 'json',
    status: 200,
    body: { id: context.nextId('resp_fake_'), object: 'response.compaction', created_at: context.now, output: [item], usage: responseUsage(usage) },
  }
}
