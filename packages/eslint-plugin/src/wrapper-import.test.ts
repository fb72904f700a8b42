import { Linter, type Rule } from 'eslint'
import { describe, expect, it } from 'vitest'
import { insertWrapperImport } from './wrapper-import.js'

function withImport(code: string, name?: string): string {
  const rule: Rule.RuleModule = {
    meta: { fixable: 'code' },
    create: (context) => ({
      Program: (node) => context.report({ node, message: 'add', fix: (fixer) => insertWrapperImport(fixer, context.sourceCode, '@finops-ai/openai', name) }),
    }),
  }
  const [message] = new Linter({ configType: 'flat' }).verify(code, { plugins: { probe: { rules: { add: rule } } }, rules: { 'probe/add': 'error' } })
  const fix = message?.fix
  if (!fix) throw new Error('expected a fix')
  return code.slice(0, fix.range[0]) + fix.text + code.slice(fix.range[1])
}

describe('insertWrapperImport', () => {
  it('adds the import after the last import, matching quotes and semicolons', () => {
    expect(withImport('import a from "a";\nimport b from "b";\nrun()')).toBe(
      'import a from "a";\nimport b from "b";\nimport { withFinOps } from "@finops-ai/openai";\nrun()',
    )
    expect(withImport("import a from 'a'\nrun()")).toBe("import a from 'a'\nimport { withFinOps } from '@finops-ai/openai'\nrun()")
  })

  it('adds the import before the first statement of a file without imports', () => {
    expect(withImport('run()')).toBe("import { withFinOps } from '@finops-ai/openai'\nrun()")
  })

  it('imports another name when asked', () => {
    expect(withImport("import a from 'a'\nrun()", 'finopsChatOpenAI')).toBe("import a from 'a'\nimport { finopsChatOpenAI } from '@finops-ai/openai'\nrun()")
  })
})
