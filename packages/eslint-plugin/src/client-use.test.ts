import { describe, expect, it } from 'vitest'
import type { EsNodeOf } from './ast.js'
import { type ClientUse, classifyClientUse } from './client-use.js'
import { probeSource } from './probe-source.js'
import { createValueResolver } from './resolve-value.js'

const header = "import OpenAI from 'openai'\nimport { withFinOps } from '@finops-ai/openai'\n"

function classify(body: string): ClientUse[] {
  return probeSource(header + body, 'NewExpression', (node, context) =>
    classifyClientUse(node as EsNodeOf<'NewExpression'>, createValueResolver(context.sourceCode, []), context.sourceCode),
  )
}

describe('classifyClientUse', () => {
  it('counts a client constructed inside withFinOps() as wrapped', () => {
    expect(classify('withFinOps(new OpenAI(), {})')).toEqual([{ wrapped: true, exported: false, memberUsesOnly: false }])
  })

  it('does not count a client given as the second argument', () => {
    expect(classify('withFinOps(other, new OpenAI())')).toEqual([{ wrapped: false, exported: false, memberUsesOnly: false }])
  })

  it('counts a variable read only as the withFinOps() argument as wrapped', () => {
    expect(classify('const raw = new OpenAI()\nconst a = withFinOps(raw)\nconst b = withFinOps(raw)')).toEqual([
      { wrapped: true, exported: false, memberUsesOnly: false },
    ])
  })

  it('marks a variable used only through member accesses as safe to autofix', () => {
    expect(classify('const c = new OpenAI()\nc.chat.completions.create({})\nc.models')).toEqual([{ wrapped: false, exported: false, memberUsesOnly: true }])
  })

  it('does not mark a reassigned variable as safe to autofix', () => {
    expect(classify('let c = new OpenAI()\nc.chat\nc = null')).toEqual([{ wrapped: false, exported: false, memberUsesOnly: false }])
  })

  it('detects ESM and CommonJS exports of the instance', () => {
    expect(classify('export const c = new OpenAI()')).toEqual([{ wrapped: false, exported: true, memberUsesOnly: false }])
    expect(classify('const c = new OpenAI()\nexport { c as client }')).toEqual([{ wrapped: false, exported: true, memberUsesOnly: false }])
    expect(classify('const c = new OpenAI()\nexport default c')).toEqual([{ wrapped: false, exported: true, memberUsesOnly: false }])
    const commonjs = probeSource(
      "const OpenAI = require('openai')\nexports.a = new OpenAI()\nmodule.exports = new OpenAI()\nother.exports = new OpenAI()",
      'NewExpression',
      (node, context) => classifyClientUse(node as EsNodeOf<'NewExpression'>, createValueResolver(context.sourceCode, []), context.sourceCode).exported,
      { sourceType: 'commonjs' },
    )
    expect(commonjs).toEqual([true, true, false])
  })

  it('follows a plain assignment to a declared variable', () => {
    expect(classify('let c\nc = new OpenAI()\nwithFinOps(c)')).toEqual([{ wrapped: true, exported: false, memberUsesOnly: false }])
  })
})
