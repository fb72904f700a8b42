import { ROOT_CONTEXT, trace, type Attributes, type Context } from '@opentelemetry/api'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type TelemetryCapture, captureTelemetry } from './capture-telemetry.js'
import { expectAllCallsAttributed } from './expect-all-calls-attributed.js'

let capture: TelemetryCapture

beforeEach(() => {
  capture = captureTelemetry({ global: false })
})

afterEach(() => capture.shutdown())

/** Ends a span the way the engine would for one call (same instrumentation scope). */
function call(name: string, attributes: Attributes): void {
  capture.tracerProvider.getTracer('@finops-ai/core').startSpan(name, { attributes }).end()
}

/** Ends a span of another instrumentation, with `inside` run under it. */
function foreign(scope: string, name: string, attributes: Attributes, inside: (parent: Context) => void = () => {}): void {
  const span = capture.tracerProvider.getTracer(scope).startSpan(name, { attributes })
  inside(trace.setSpan(ROOT_CONTEXT, span))
  span.end()
}

const doGenerate = { 'ai.operationId': 'ai.generateText.doGenerate', 'ai.model.provider': 'openai.responses', 'ai.model.id': 'gpt-4o-mini' }
const attributedChat = { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini', 'team.name': 'support', 'feature.name': 'rag' }

function thrownMessage(run: () => void): string {
  try {
    run()
  } catch (error) {
    return (error as Error).message
  }
  throw new Error('expected the assertion to throw')
}

describe('expectAllCallsAttributed', () => {
  it('passes when every GenAI call carries the required attribution', () => {
    call('chat gpt-4o', { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'team.name': 'support', 'feature.name': 'rag' })
    call('embeddings text-embedding-3-small', { 'gen_ai.operation.name': 'embeddings', 'team.name': 'search', 'feature.name': 'index' })
    call('GET /health', {})
    expect(expectAllCallsAttributed(capture.spans(), { required: ['team', 'feature'] })).toBeUndefined()
    expect(expectAllCallsAttributed(capture, { required: ['team', 'feature'] })).toBeUndefined()
  })

  it('reads user, costCenter and custom keys from their span attributes', () => {
    call('chat gpt-4o', { 'gen_ai.operation.name': 'chat', 'enduser.id': 'k.herings', 'cost_center': 'CC-4711', 'finops.attribution.run': 'nightly' })
    expect(expectAllCallsAttributed(capture.spans(), { required: ['user', 'costCenter', 'run'] })).toBeUndefined()
  })

  it("reads the keys under their namespaced names (attributeNames: 'namespaced')", () => {
    call('chat gpt-4o', {
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o',
      'finops.attribution.team': 'support',
      'finops.attribution.cost_center': 'CC-1',
    })
    expect(() => expectAllCallsAttributed(capture, { required: ['team', 'costCenter'] })).not.toThrow()
    expect(thrownMessage(() => expectAllCallsAttributed(capture, { required: ['feature'] }))).toContain('feature (feature.name)')
  })

  it('lists each offending call with its missing keys and call site', () => {
    call('chat gpt-4o', {
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'gpt-4o',
      'team.name': 'support',
      'code.file.path': 'src/support.ts',
      'code.line.number': 42,
      'code.function.name': 'answerTicket',
    })
    call('chat claude-sonnet-4', { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'claude-sonnet-4', 'team.name': 'support', 'feature.name': 'triage' })
    call('embeddings text-embedding-3-small', {
      'gen_ai.operation.name': 'embeddings',
      'gen_ai.request.model': 'text-embedding-3-small',
      'team.name': '',
      'code.stacktrace': 'Error\n    at indexDocs (/app/src/index-docs.ts:7:3)',
    })
    call('invoke_agent', { 'gen_ai.operation.name': 'invoke_agent', 'feature.name': 'agent' })

    expect(thrownMessage(() => expectAllCallsAttributed(capture.spans(), { required: ['team', 'feature'] }))).toBe(
      [
        'expectAllCallsAttributed: 3 of 4 GenAI call(s) lack attribution (required: team, feature):',
        '  1. "chat gpt-4o" missing feature (feature.name); at src/support.ts:42 (answerTicket)',
        '  2. "embeddings text-embedding-3-small" missing team (team.name), feature (feature.name); at indexDocs (/app/src/index-docs.ts:7:3)',
        '  3. "invoke_agent" missing team (team.name); call site unknown (the span has no code.file.path or code.stacktrace)',
      ].join('\n'),
    )
  })

  it('names the span when it differs from the operation and model', () => {
    call('my custom span', { 'gen_ai.operation.name': 'chat', 'gen_ai.response.model': 'gpt-4o-2024-08-06' })
    expect(thrownMessage(() => expectAllCallsAttributed(capture.spans(), { required: ['user'] }))).toBe(
      [
        'expectAllCallsAttributed: 1 of 1 GenAI call(s) lack attribution (required: user):',
        '  1. "chat gpt-4o-2024-08-06" (span "my custom span") missing user (enduser.id); call site unknown (the span has no code.file.path or code.stacktrace)',
      ].join('\n'),
    )
  })

  it('requires at least one attribution key when none is listed, ignoring the missing-attribution marker', () => {
    call('chat gpt-4o', { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o', 'finops.attribution.missing': true })
    call('chat gpt-4o-mini', { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini', 'finops.attribution.tenant': 'acme' })
    expect(thrownMessage(() => expectAllCallsAttributed(capture.spans()))).toBe(
      [
        'expectAllCallsAttributed: 1 of 2 GenAI call(s) lack attribution (at least one attribution key):',
        '  1. "chat gpt-4o" missing any attribution key; call site unknown (the span has no code.file.path or code.stacktrace)',
      ].join('\n'),
    )
  })

  it('throws when there is no GenAI call span at all', () => {
    call('GET /health', {})
    expect(thrownMessage(() => expectAllCallsAttributed(capture.spans(), { required: ['team'] }))).toBe(
      'expectAllCallsAttributed: no model call span (a GenAI span with gen_ai.operation.name, or an AI SDK ' +
        'doGenerate/doStream/doEmbed span) among 1 finished span(s). ' +
        'Was the client wrapped with withFinOps(), telemetry captured before the calls, and every call awaited? ' +
        'Pass { allowEmpty: true } if the test makes no call on purpose.',
    )
  })

  it('fails a Vercel AI SDK call that did not go through finops-ai, next to an attributed one', () => {
    foreign('ai', 'ai.generateText.doGenerate', doGenerate)
    call('chat gpt-4o-mini', attributedChat)
    expect(thrownMessage(() => expectAllCallsAttributed(capture, { required: ['team', 'feature'] }))).toBe(
      [
        'expectAllCallsAttributed: 1 of 2 GenAI call(s) lack attribution (required: team, feature):',
        '  1. "ai.generateText.doGenerate" (openai.responses gpt-4o-mini) did not go through finops-ai (no guards, no cost, no attribution); ' +
          'call site unknown (the span has no code.file.path or code.stacktrace)',
      ].join('\n'),
    )
  })

  it("counts a framework's span around a finops-ai call once, as the finops-ai call", () => {
    foreign('ai', 'ai.streamText.doStream', { ...doGenerate, 'ai.operationId': 'ai.streamText.doStream' }, (parent) => {
      capture.tracerProvider.getTracer('@finops-ai/core').startSpan('chat gpt-4o-mini', { attributes: attributedChat }, parent).end()
    })
    expect(expectAllCallsAttributed(capture, { required: ['team', 'feature'] })).toBeUndefined()
  })

  it("counts another instrumentation's span inside a finops-ai call once, as the finops-ai call", () => {
    const ours = capture.tracerProvider.getTracer('@finops-ai/core').startSpan('chat gpt-4o-mini', { attributes: attributedChat })
    capture.tracerProvider.getTracer('@opentelemetry/instrumentation-openai').startSpan('chat gpt-4o-mini', { attributes: { 'gen_ai.operation.name': 'chat' } }, trace.setSpan(ROOT_CONTEXT, ours)).end()
    ours.end()
    expect(expectAllCallsAttributed(capture, { required: ['team', 'feature'] })).toBeUndefined()
  })

  it('fails a GenAI call of another instrumentation outside finops-ai, even when it carries attribution', () => {
    foreign('@opentelemetry/instrumentation-openai', 'chat gpt-4o-mini', attributedChat)
    expect(thrownMessage(() => expectAllCallsAttributed(capture, { required: ['team'] }))).toBe(
      [
        'expectAllCallsAttributed: 1 of 1 GenAI call(s) lack attribution (required: team):',
        '  1. "chat gpt-4o-mini" did not go through finops-ai (no guards, no cost, no attribution); ' +
          'call site unknown (the span has no code.file.path or code.stacktrace)',
      ].join('\n'),
    )
  })

  it('ignores agent and tool spans of other instrumentations', () => {
    foreign('@openai/agents', 'invoke_agent Support', { 'gen_ai.operation.name': 'invoke_agent' }, (parent) => {
      capture.tracerProvider.getTracer('@finops-ai/core').startSpan('chat gpt-4o-mini', { attributes: attributedChat }, parent).end()
    })
    foreign('@openai/agents', 'execute_tool look_up_order', { 'gen_ai.operation.name': 'execute_tool' })
    expect(expectAllCallsAttributed(capture, { required: ['team', 'feature'] })).toBeUndefined()
  })

  it('passes without GenAI spans when allowEmpty is set', () => {
    expect(expectAllCallsAttributed([], { required: ['team'], allowEmpty: true })).toBeUndefined()
  })
})
