import { describe, expect, it } from 'vitest'
import { probeSource } from './probe-source.js'
import { createValueResolver } from './resolve-value.js'
import { builderReference, canImportName, wrapperReference } from './wrapper-reference.js'

function referenceAt(code: string, module = '@finops-ai/openai'): (string | undefined)[] {
  return probeSource(code, 'NewExpression', (node, context) =>
    wrapperReference(node, module, createValueResolver(context.sourceCode, []), context.sourceCode),
  )
}

describe('wrapperReference', () => {
  it('prefers a direct binding, under its alias, over a namespace', () => {
    const code = "import * as finops from '@finops-ai/openai'\nimport { withFinOps as wrap } from '@finops-ai/openai'\nnew X()"
    expect(referenceAt(code)).toEqual(['wrap'])
  })

  it('uses a namespace import when that is all there is', () => {
    expect(referenceAt("import * as finops from '@finops-ai/openai'\nnew X()")).toEqual(['finops.withFinOps'])
  })

  it('ignores the wrapper of the other provider and shadowed bindings', () => {
    expect(referenceAt("import { withFinOps } from '@finops-ai/anthropic'\nnew X()")).toEqual([undefined])
    expect(referenceAt("import { withFinOps } from '@finops-ai/openai'\nfunction f(withFinOps) { new X() }")).toEqual([undefined])
  })
})

describe('builderReference', () => {
  const builderAt = (code: string) =>
    probeSource(code, 'NewExpression', (node, context) =>
      builderReference(node, 'finopsChatOpenAI', createValueResolver(context.sourceCode, []), context.sourceCode),
    )

  it('uses the imported helper under its alias, else a namespace of a module exporting it', () => {
    expect(builderAt("import { finopsChatOpenAI as chat } from '@finops-ai/langchain/openai'\nnew X()")).toEqual(['chat'])
    expect(builderAt("import * as finops from '@finops-ai/langchain'\nnew X()")).toEqual(['finops.finopsChatOpenAI'])
  })

  it('ignores other helpers and unrelated modules', () => {
    expect(builderAt("import { finopsChatAnthropic } from '@finops-ai/langchain'\nnew X()")).toEqual([undefined])
    expect(builderAt("import { finopsChatOpenAI } from './mine'\nnew X()")).toEqual([undefined])
  })
})

describe('canImportName', () => {
  const check = (code: string, sourceType: 'module' | 'commonjs' = 'module') =>
    probeSource(code, 'Program', (_node, context) => canImportName(context.sourceCode, 'withFinOps'), { sourceType })[0]

  it('allows the import in an ES module where the name is free', () => {
    expect(check('new X()')).toBe(true)
  })

  it('refuses when the name is declared or used anywhere, or the file is CommonJS', () => {
    expect(check('function f() { const withFinOps = 1 }')).toBe(false)
    expect(check('withFinOps(x)')).toBe(false)
    expect(check('new X()', 'commonjs')).toBe(false)
  })
})
