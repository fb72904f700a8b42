import type { Rule } from 'eslint'
import type { AiSdkProvider } from './ai-sdk-providers.js'
import { aiSdkWrapperModule } from './ai-sdk-providers.js'
import { type EsNodeOf, memberName, unwrapExpression } from './ast.js'
import { classifyClientUse } from './client-use.js'
import { createValueResolver, type ValueResolver } from './resolve-value.js'
import { wrapperExportName } from './sdk-clients.js'
import { insertWrapperImport } from './wrapper-import.js'
import { builderReference, canImportName, wrapperReference } from './wrapper-reference.js'

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

/** The messages of one kind of unwrapped thing: a provider client, or an AI SDK model. */
interface WrapMessages {
  unwrapped: string
  exported: string
  wrap: string
  importAndWrap: string
}

const clientMessages: WrapMessages = { unwrapped: 'unwrapped', exported: 'exportedUnwrapped', wrap: 'wrap', importAndWrap: 'importAndWrap' }
const modelMessages: WrapMessages = {
  unwrapped: 'unwrappedModel',
  exported: 'exportedUnwrappedModel',
  wrap: 'wrapModel',
  importAndWrap: 'importAndWrapModel',
}

/** The AI SDK provider whose model `node` creates (`openai('gpt-4o')`, `provider.chat(...)`), if it creates one. */
function modelFactoryOf(node: EsNodeOf<'CallExpression'>, resolver: ValueResolver): AiSdkProvider | undefined {
  const callee = unwrapExpression(node.callee)
  const value = resolver.resolve(callee)
  if (value?.kind === 'ai-provider') return value.provider
  if (callee.type !== 'MemberExpression' || callee.object.type === 'Super') return undefined
  const object = resolver.resolve(callee.object)
  const method = memberName(callee)
  return object?.kind === 'ai-provider' && method !== undefined && object.provider.modelMethods.has(method) ? object.provider : undefined
}

/**
 * Rule `require-finops-wrapper`: reports what sends model calls past finops-ai —
 * `new OpenAI()`, `new AzureOpenAI()` and `new Anthropic()` of the SDK classes, and Vercel AI SDK
 * models of `@ai-sdk/openai` / `@ai-sdk/anthropic` (`openai('gpt-4o')`, `createOpenAI(...).chat(...)`),
 * whose instance is used, or exported, without passing through `withFinOps` (for models, also
 * `wrapLanguageModel` with `finopsMiddleware`); and LangChain `new ChatOpenAI()`,
 * `new AzureChatOpenAI()`, `new OpenAIEmbeddings()`, `new AzureOpenAIEmbeddings()`,
 * `new ChatAnthropic()`, which only the `@finops-ai/langchain` helpers build correctly.
 * Autofixes `const client = new OpenAI(...)` used only through member accesses when the matching
 * `withFinOps` is already imported; otherwise offers a suggestion (adding the import if needed).
 */
export const requireFinOpsWrapper: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require OpenAI and Anthropic clients, AI SDK models and LangChain models to go through finops-ai so their calls are attributed, priced and bounded',
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
      unwrappedModel:
        'Wrap the {{client}} model with withFinOps() from {{module}} (or wrapLanguageModel() with finopsMiddleware()) so its calls are attributed, priced and bounded.',
      exportedUnwrappedModel:
        'Wrap the exported {{client}} model with withFinOps() from {{module}} before exporting it: importers are not checked, so its calls would not be attributed, priced and bounded.',
      wrapModel: 'Wrap the model: {{wrapper}}(…).',
      importAndWrapModel: 'Import withFinOps from {{module}} and wrap the model: withFinOps(…).',
      unbuiltLangChain:
        'Build the {{client}} with {{builder}}() from {{module}}: one constructed with new calls its provider through a client finops-ai cannot wrap, so its calls are not attributed, priced and bounded.',
      useBuilder: 'Replace new {{client}}(…) with {{builder}}(…).',
      importAndUseBuilder: 'Import {{builder}} from {{module}} and replace new {{client}}(…) with it.',
    },
  },
  create(context) {
    const options = (context.options[0] ?? {}) as RequireFinOpsWrapperOptions
    const sourceCode = context.sourceCode
    const resolver = createValueResolver(sourceCode, options.additionalModules ?? [])

    /** Reports `node` unless its value passes through a finops wrapper, with the fitting fix. */
    function checkWrapped(node: EsNodeOf<'NewExpression' | 'CallExpression'>, client: string, module: string, messages: WrapMessages): void {
      const use = classifyClientUse(node, resolver, sourceCode)
      if (use.wrapped) return
      const data = { client, module }
      const wrapper = wrapperReference(node, module, resolver, sourceCode)
      const wrapWith = (name: string) => (fixer: Rule.RuleFixer) => [fixer.insertTextBefore(node, `${name}(`), fixer.insertTextAfter(node, ')')]
      const messageId = use.exported ? messages.exported : messages.unwrapped

      if (wrapper !== undefined && use.memberUsesOnly) {
        context.report({ node, messageId, data, fix: wrapWith(wrapper) })
      } else if (wrapper !== undefined) {
        context.report({ node, messageId, data, suggest: [{ messageId: messages.wrap, data: { ...data, wrapper }, fix: wrapWith(wrapper) }] })
      } else if (canImportName(sourceCode, wrapperExportName)) {
        const fix = (fixer: Rule.RuleFixer) => [insertWrapperImport(fixer, sourceCode, module), ...wrapWith(wrapperExportName)(fixer)]
        context.report({ node, messageId, data, suggest: [{ messageId: messages.importAndWrap, data, fix }] })
      } else {
        context.report({ node, messageId, data })
      }
    }

    /** Reports a LangChain model built with `new`, suggesting its `@finops-ai/langchain` helper when the arguments carry over. */
    function reportLangChain(node: EsNodeOf<'NewExpression'>, client: string, builder: string, module: string): void {
      const data = { client, builder, module }
      const [fields, ...rest] = node.arguments
      // The helpers take the constructor's fields object (and finops options second); other shapes do not carry over.
      const carriesOver = rest.length === 0 && (fields === undefined || fields.type === 'ObjectExpression')
      const replaceWith = (name: string) => (fixer: Rule.RuleFixer) =>
        fixer.replaceText(node, `${name}(${fields === undefined ? '' : sourceCode.getText(fields)})`)
      const reference = builderReference(node, builder, resolver, sourceCode)
      if (!carriesOver) {
        context.report({ node, messageId: 'unbuiltLangChain', data })
      } else if (reference !== undefined) {
        const suggestion = { messageId: 'useBuilder', data: { ...data, builder: reference }, fix: replaceWith(reference) }
        context.report({ node, messageId: 'unbuiltLangChain', data, suggest: [suggestion] })
      } else if (canImportName(sourceCode, builder)) {
        const fix = (fixer: Rule.RuleFixer) => [insertWrapperImport(fixer, sourceCode, module, builder), replaceWith(builder)(fixer)]
        context.report({ node, messageId: 'unbuiltLangChain', data, suggest: [{ messageId: 'importAndUseBuilder', data, fix }] })
      } else {
        context.report({ node, messageId: 'unbuiltLangChain', data })
      }
    }

    return {
      NewExpression(node) {
        const expression = node as EsNodeOf<'NewExpression'>
        const callee = resolver.resolve(node.callee)
        if (callee?.kind === 'langchain-class') {
          reportLangChain(expression, callee.model.name, callee.model.builder, callee.model.builderModule)
          return
        }
        const client = callee?.kind === 'client-class' ? callee.client : callee?.kind === 'sdk-module' ? callee.constructs : undefined
        if (client) checkWrapped(expression, client.name, client.wrapperModule, clientMessages)
      },
      CallExpression(node) {
        const expression = node as EsNodeOf<'CallExpression'>
        const provider = modelFactoryOf(expression, resolver)
        if (provider) checkWrapped(expression, provider.module, aiSdkWrapperModule, modelMessages)
      },
    }
  },
}
