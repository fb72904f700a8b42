import { describe, expect, it } from 'vitest'
import { findVariable } from './find-variable.js'
import { probeSource } from './probe-source.js'

describe('findVariable', () => {
  it('finds the innermost declaration visible from a scope', () => {
    const code = 'const a = 1\nfunction f(a) { return a }\nuse(a)'
    const kinds = probeSource(code, 'Identifier[name="a"]', (node, context) => findVariable(context.sourceCode.getScope(node), 'a')?.defs[0]?.type)
    expect(kinds).toEqual(['Variable', 'Parameter', 'Parameter', 'Variable'])
  })

  it('is undefined for a name nothing declares', () => {
    const found = probeSource('missing()', 'Identifier', (node, context) => findVariable(context.sourceCode.getScope(node), 'missing'))
    expect(found).toEqual([undefined])
  })
})
