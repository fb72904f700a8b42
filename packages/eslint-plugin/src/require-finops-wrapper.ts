import type { Rule } from 'eslint'
import type { EsNodeOf } from './ast.js'
import { classifyClientUse } from './client-use.js'
import { createValueResolver } from './resolve-value.js'
import { insertWrapperImport } from './wrapper-import.js'
import { canImportWrapper, wrapperReference } from './wrapper-reference.js'

/** Options of `@finops-ai/require-finops-wrapper`. */
export interface RequireFinOpsWrapperOptions {
  /**
   * Module specifiers, matched exactly as written in `import`/`require`, that re-export the SDK
   * classes (e.g. `'./sdk'` holding `export { default as OpenAI } from 'openai'`). Their exports
   * `OpenAI`, `AzureOpenAI` and `Anthropic` count as the SDK classes; their default export counts
   * when the local binding carries one of those names (`import OpenAI from './sdk'`). Default `[]`.
   */
  additionalModules?: string[]
}

/**
 * Rule `require-finops-wrapper`: reports `new OpenAI()`, `new AzureOpenAI()` and `new Anthropic()`
 * of the SDK classes whose instance is used, or exported, without passing through `withFinOps`.
 * Autofixes `const client = new OpenAI(...)` used only through member accesses when the matching
 * `withFinOps` is already imported; otherwise offers a suggestion (adding the import if needed).
 */
export const requireFinOpsWrapper: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description: 'Require OpenAI and Anthropic clients to be wrapped with withFinOps() so their calls are attributed, priced and bounded',
      recommended: true,
    },
    fixable: 'code',
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: { additionalModules: { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true } },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ additionalModules: [] }],
    messages: {
      unwrapped: 'Wrap the {{client}} client with withFinOps() from {{module}} so its calls are attributed, priced and bounded.',
      exportedUnwrapped:
        'Wrap the exported {{client}} client with withFinOps() from {{module}} before exporting it: importers are not checked, so its calls would not be attributed, priced and bounded.',
      wrap: 'Wrap the client: {{wrapper}}(new {{client}}(…)).',
      importAndWrap: 'Import withFinOps from {{module}} and wrap the client: withFinOps(new {{client}}(…)).',
    },
  },
  create(context) {
    const options = (context.options[0] ?? {}) as RequireFinOpsWrapperOptions
    const sourceCode = context.sourceCode
    const resolver = createValueResolver(sourceCode, options.additionalModules ?? [])

    return {
      NewExpression(node) {
        const callee = resolver.resolve(node.callee)
        const client = callee?.kind === 'client-class' ? callee.client : callee?.kind === 'sdk-module' ? callee.constructs : undefined
        if (!client) return
        const expression = node as EsNodeOf<'NewExpression'>
        const use = classifyClientUse(expression, resolver, sourceCode)
        if (use.wrapped) return

        const data = { client: client.name, module: client.wrapperModule }
        const wrapper = wrapperReference(expression, client.wrapperModule, resolver, sourceCode)
        const wrapWith = (name: string) => (fixer: Rule.RuleFixer) => [fixer.insertTextBefore(node, `${name}(`), fixer.insertTextAfter(node, ')')]
        const messageId = use.exported ? 'exportedUnwrapped' : 'unwrapped'

        if (wrapper !== undefined && use.memberUsesOnly) {
          context.report({ node, messageId, data, fix: wrapWith(wrapper) })
        } else if (wrapper !== undefined) {
          context.report({ node, messageId, data, suggest: [{ messageId: 'wrap', data: { ...data, wrapper }, fix: wrapWith(wrapper) }] })
        } else if (canImportWrapper(sourceCode)) {
          const fix = (fixer: Rule.RuleFixer) => [insertWrapperImport(fixer, sourceCode, client.wrapperModule), ...wrapWith('withFinOps')(fixer)]
          context.report({ node, messageId, data, suggest: [{ messageId: 'importAndWrap', data, fix }] })
        } else {
          context.report({ node, messageId, data })
        }
      },
    }
  },
}
