import { describe, expect, it } from 'vitest'
import type { EsNodeOf } from './ast.js'
import { probeSource } from './probe-source.js'
import { type ResolvedValue, createValueResolver } from './resolve-value.js'

function describeValue(value: ResolvedValue | undefined): string | undefined {
  if (!value) return undefined
  switch (value.kind) {
    case 'client-class':
      return `class ${value.client.name}`
    case 'sdk-module':
      return `module constructing ${value.constructs?.name ?? 'nothing'}`
    case 'wrapper':
    case 'wrapper-module':
      return `${value.kind} ${value.module}`
    case 'ai-sdk-module':
    case 'ai-provider':
    case 'ai-provider-factory':
      return `${value.kind} ${'exports' in value ? value.exports.provider.module : value.provider.module}`
    case 'langchain-class':
      return `${value.kind} ${value.model.name}`
    case 'builder':
      return `${value.kind} ${value.name}`
    default:
      return value.kind
  }
}

function resolveCallees(code: string, additionalModules: string[] = [], sourceType: 'module' | 'commonjs' = 'module') {
  return probeSource(
    code,
    'CallExpression[callee.name="probe"]',
    (node, context) => {
      const resolver = createValueResolver(context.sourceCode, additionalModules)
      return describeValue(resolver.resolve((node as EsNodeOf<'CallExpression'>).arguments[0]!))
    },
    { sourceType },
  )
}

describe('createValueResolver', () => {
  it('follows imports, namespaces, destructuring and const aliases', () => {
    const code = [
      "import OpenAI, { AzureOpenAI as Azure } from 'openai'",
      "import * as claude from '@anthropic-ai/sdk'",
      "import { withFinOps as wrap } from '@finops-ai/openai'",
      'const { Anthropic: A } = claude',
      'const Alias = OpenAI',
      'probe(OpenAI); probe(Azure); probe(claude); probe(claude.default); probe(A); probe(Alias); probe(wrap)',
    ].join('\n')
    expect(resolveCallees(code)).toEqual([
      'class OpenAI',
      'class AzureOpenAI',
      'module constructing nothing',
      'class Anthropic',
      'class Anthropic',
      'class OpenAI',
      'wrapper @finops-ai/openai',
    ])
  })

  it('resolves require() of the SDK to a module that constructs its default client', () => {
    const code = "const sdk = require('openai')\nconst finops = require('@finops-ai/anthropic')\nprobe(sdk); probe(sdk.AzureOpenAI); probe(finops.withFinOps); probe(finops.other)"
    expect(resolveCallees(code, [], 'commonjs')).toEqual([
      'module constructing OpenAI',
      'class AzureOpenAI',
      'wrapper @finops-ai/anthropic',
      undefined,
    ])
  })

  it('follows an awaited dynamic import, but not a then() callback', () => {
    const code = "const { default: OpenAI } = await import('openai')\nconst sdk = await import('@anthropic-ai/sdk')\nimport('openai').then((m) => probe(m.OpenAI))\nprobe(OpenAI); probe(sdk.Anthropic)"
    expect(resolveCallees(code)).toEqual([undefined, 'class OpenAI', 'class Anthropic'])
  })

  it('does not follow reassigned bindings', () => {
    const code = "import OpenAI from 'openai'\nlet Client = OpenAI\nClient = Other\nprobe(Client)"
    expect(resolveCallees(code)).toEqual([undefined])
  })

  it('treats listed modules as SDK re-exports, their default export by local name', () => {
    const code = "import OpenAI from './sdk'\nimport Thing from './sdk'\nimport { Anthropic } from './sdk'\nprobe(OpenAI); probe(Thing); probe(Anthropic)"
    expect(resolveCallees(code, ['./sdk'])).toEqual(['class OpenAI', undefined, 'class Anthropic'])
    expect(resolveCallees(code)).toEqual([undefined, undefined, undefined])
  })

  it('follows AI SDK providers, their factories and what the factories return', () => {
    const code = [
      "import { openai, createOpenAI } from '@ai-sdk/openai'",
      "import * as claude from '@ai-sdk/anthropic'",
      'const custom = createOpenAI({ baseURL })',
      'probe(openai); probe(createOpenAI); probe(custom); probe(claude); probe(claude.createAnthropic({})); probe(openai.tools)',
    ].join('\n')
    expect(resolveCallees(code)).toEqual([
      'ai-provider @ai-sdk/openai',
      'ai-provider-factory @ai-sdk/openai',
      'ai-provider @ai-sdk/openai',
      'ai-sdk-module @ai-sdk/anthropic',
      'ai-provider @ai-sdk/anthropic',
      undefined,
    ])
  })

  it('follows the AI SDK model wrappers and the finops middleware', () => {
    const code = [
      "import { wrapLanguageModel, generateText } from 'ai'",
      "import { finopsMiddleware, withFinOps } from '@finops-ai/ai-sdk'",
      'const middleware = finopsMiddleware()',
      'probe(wrapLanguageModel); probe(generateText); probe(finopsMiddleware); probe(middleware); probe(withFinOps)',
    ].join('\n')
    expect(resolveCallees(code)).toEqual(['model-wrapper', undefined, 'finops-middleware-factory', 'finops-middleware', 'wrapper @finops-ai/ai-sdk'])
  })

  it('follows LangChain model classes and the @finops-ai/langchain helpers', () => {
    const code = [
      "import { ChatOpenAI, OpenAI } from '@langchain/openai'",
      "const { ChatAnthropic } = require('@langchain/anthropic')",
      "import { finopsChatOpenAI } from '@finops-ai/langchain/openai'",
      'probe(ChatOpenAI); probe(OpenAI); probe(ChatAnthropic); probe(finopsChatOpenAI)',
    ].join('\n')
    expect(resolveCallees(code)).toEqual(['langchain-class ChatOpenAI', undefined, 'langchain-class ChatAnthropic', 'builder finopsChatOpenAI'])
  })

  it('survives binding cycles', () => {
    expect(resolveCallees('var a = b, b = a\nprobe(a)')).toEqual([undefined])
  })
})
