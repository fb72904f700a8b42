import { describe, expect, it } from 'vitest'
import { type EsNodeOf, isTypeWrapperOf, memberName, parentOf, staticString, unwrapExpression } from './ast.js'
import { probeSource } from './probe-source.js'
import typescriptParser from '@typescript-eslint/parser'

describe('ast helpers', () => {
  it('names static member accesses and leaves computed ones unnamed', () => {
    const names = probeSource("a.b; a['c']; a[`d`]; a[e]", 'MemberExpression', (node) => memberName(node as EsNodeOf<'MemberExpression'>))
    expect(names).toEqual(['b', 'c', undefined, undefined])
  })

  it('reads string literals and substitution-free templates only', () => {
    const values = probeSource("f('a', `b`, `c${x}`, 1)", 'CallExpression', (node) =>
      (node as EsNodeOf<'CallExpression'>).arguments.map((argument) => staticString(argument)),
    )
    expect(values).toEqual([['a', 'b', undefined, undefined]])
  })

  it('sees through TypeScript assertions and optional chains', () => {
    const code = 'const a = (b as C)!; const d = e?.f satisfies G'
    const found = probeSource(code, 'VariableDeclarator', (node) => unwrapExpression((node as EsNodeOf<'VariableDeclarator'>).init!).type, {
      parser: typescriptParser,
      sourceType: 'module',
    })
    expect(found).toEqual(['Identifier', 'MemberExpression'])
  })

  it('recognises a TypeScript wrapper around its expression and returns the parent ESLint set', () => {
    const found = probeSource('x as Y', 'Identifier[name="x"]', (node) => isTypeWrapperOf(parentOf(node)!, node), {
      parser: typescriptParser,
      sourceType: 'module',
    })
    expect(found).toEqual([true])
  })
})
