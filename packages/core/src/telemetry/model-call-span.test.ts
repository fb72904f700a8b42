import { describe, expect, it } from 'vitest'
import { isFinOpsSpan, isModelCallSpan } from './model-call-span.js'

describe('isFinOpsSpan', () => {
  it("recognises the engine's instrumentation scope, whatever the SDK generation calls it", () => {
    expect(isFinOpsSpan({ name: 'chat gpt-4o', attributes: {}, instrumentationScope: { name: '@finops-ai/core' } })).toBe(true)
    expect(isFinOpsSpan({ name: 'chat gpt-4o', attributes: {}, instrumentationLibrary: { name: '@finops-ai/core' } })).toBe(true)
  })

  it('trusts the scope over attributes when a span has one', () => {
    const foreign = { name: 'chat gpt-4o', attributes: { 'finops.cost.amount': 1 }, instrumentationScope: { name: '@opentelemetry/instrumentation-openai' } }
    expect(isFinOpsSpan(foreign)).toBe(false)
  })

  it('falls back to finops.* attributes for spans without a scope', () => {
    expect(isFinOpsSpan({ name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat', 'finops.policy.keys': ['team'] } })).toBe(true)
    expect(isFinOpsSpan({ name: 'chat gpt-4o', attributes: { 'gen_ai.operation.name': 'chat', 'team.name': 'search' } })).toBe(false)
  })
})

describe('isModelCallSpan', () => {
  it('is true for GenAI spans of model operations', () => {
    for (const operation of ['chat', 'text_completion', 'generate_content', 'embeddings']) {
      expect(isModelCallSpan({ name: operation, attributes: { 'gen_ai.operation.name': operation } })).toBe(true)
    }
  })

  it('is false for agent and tool operations, whose model calls have spans of their own', () => {
    for (const operation of ['invoke_agent', 'create_agent', 'execute_tool']) {
      expect(isModelCallSpan({ name: operation, attributes: { 'gen_ai.operation.name': operation } })).toBe(false)
    }
  })

  it("is true for the AI SDK's provider-request spans and false for its outer spans", () => {
    for (const id of ['ai.generateText.doGenerate', 'ai.streamText.doStream', 'ai.generateObject.doGenerate', 'ai.streamObject.doStream', 'ai.embed.doEmbed', 'ai.embedMany.doEmbed']) {
      expect(isModelCallSpan({ name: id, attributes: { 'ai.operationId': id } })).toBe(true)
    }
    expect(isModelCallSpan({ name: 'ai.generateText', attributes: { 'ai.operationId': 'ai.generateText' } })).toBe(false)
    expect(isModelCallSpan({ name: 'ai.toolCall', attributes: { 'ai.operationId': 'ai.toolCall' } })).toBe(false)
  })
})
