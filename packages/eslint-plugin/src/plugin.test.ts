import { readFileSync } from 'node:fs'
import { Linter } from 'eslint'
import { describe, expect, it } from 'vitest'
import defaultExport, { configs, plugin, requireFinOpsWrapper, rules } from './index.js'

describe('plugin', () => {
  it('exports the same plugin as default and by name', () => {
    expect(defaultExport).toBe(plugin)
    expect(rules['require-finops-wrapper']).toBe(requireFinOpsWrapper)
    expect(configs.recommended).toBe(plugin.configs.recommended)
  })

  it('carries the package name and version in its meta', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { name: string; version: string }
    expect(plugin.meta).toEqual({ name: manifest.name, version: manifest.version })
  })

  it('reports an unwrapped client as an error under the recommended flat config', () => {
    const messages = new Linter({ configType: 'flat' }).verify("import OpenAI from 'openai'\nnew OpenAI().chat", [configs.recommended])
    expect(messages.map(({ ruleId, severity, message }) => ({ ruleId, severity, message }))).toEqual([
      {
        ruleId: '@finops-ai/require-finops-wrapper',
        severity: 2,
        message: 'Wrap the OpenAI client with withFinOps() from @finops-ai/openai so its calls are attributed, priced and bounded.',
      },
    ])
  })

  it('rejects unknown options', () => {
    const config = { ...configs.recommended, rules: { '@finops-ai/require-finops-wrapper': ['error', { modules: ['x'] }] as Linter.RuleEntry } }
    expect(() => new Linter({ configType: 'flat' }).verify('x', [config])).toThrow(/should NOT have additional properties/)
  })
})
