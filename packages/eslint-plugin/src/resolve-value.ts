import type { Scope, SourceCode } from 'eslint'
import { type EsNode, memberName, parentOf, staticString, unwrapExpression } from './ast.js'
import {
  type AiSdkProvider,
  type AiSdkProviderExports,
  aiSdkModule,
  aiSdkProviderModules,
  aiSdkWrapperModule,
  finopsMiddlewareExports,
  modelWrapperExports,
} from './ai-sdk-providers.js'
import { findVariable } from './find-variable.js'
import { type LangChainModel, langChainBuilderModules, langChainBuilders, langChainModules } from './langchain-models.js'
import { type ClientClass, type ClientExports, clientClassesByName, sdkModules, wrapperExportName, wrapperModules } from './sdk-clients.js'

/** What an expression statically stands for, as far as the rule cares. */
export type ResolvedValue =
  /** An SDK module object (namespace import or `require`); `constructs` is the class `new module()` builds. */
  | { kind: 'sdk-module'; exports: ClientExports; constructs: ClientClass | undefined; reexport: boolean }
  /** A provider client class, e.g. `OpenAI` imported from `openai`. */
  | { kind: 'client-class'; client: ClientClass }
  /** A finops adapter module object (`import * as finops from '@finops-ai/openai'`). */
  | { kind: 'wrapper-module'; module: string }
  /** The `withFinOps` function of a finops adapter module. */
  | { kind: 'wrapper'; module: string }
  /** An AI SDK provider package object (`import * as sdk from '@ai-sdk/openai'`, `require`). */
  | { kind: 'ai-sdk-module'; exports: AiSdkProviderExports }
  /** An AI SDK provider's factory, e.g. `createOpenAI`. */
  | { kind: 'ai-provider-factory'; provider: AiSdkProvider }
  /** An AI SDK provider instance (`openai`, or what `createOpenAI(...)` returned): calling it makes a model. */
  | { kind: 'ai-provider'; provider: AiSdkProvider }
  /** The `ai` package object. */
  | { kind: 'ai-module' }
  /** `wrapLanguageModel` / `wrapEmbeddingModel` of the `ai` package. */
  | { kind: 'model-wrapper' }
  /** `finopsMiddleware` / `finopsEmbeddingMiddleware` of `@finops-ai/ai-sdk`. */
  | { kind: 'finops-middleware-factory' }
  /** A middleware that factory returned. */
  | { kind: 'finops-middleware' }
  /** A LangChain provider package object, e.g. `@langchain/openai`. */
  | { kind: 'langchain-module'; exports: ReadonlyMap<string, LangChainModel> }
  /** A LangChain model class, e.g. `ChatOpenAI` imported from `@langchain/openai`. */
  | { kind: 'langchain-class'; model: LangChainModel }
  /** A `@finops-ai/langchain` module object. */
  | { kind: 'builder-module' }
  /** A `@finops-ai/langchain` helper, e.g. `finopsChatOpenAI`. */
  | { kind: 'builder'; name: string }

/** Resolves expressions of one file to SDK classes, SDK modules and `withFinOps` functions. */
export interface ValueResolver {
  /** What `node` stands for; `undefined` when it is none of the values the rule tracks. */
  resolve(node: EsNode): ResolvedValue | undefined
  /** What the value bound to `variable` stands for (imports, `require`, `const` aliases). */
  resolveVariable(variable: Scope.Variable): ResolvedValue | undefined
}

/**
 * Creates a resolver for one file. Bindings are followed through imports, `require` calls,
 * `await import()`, destructuring and `const` aliases, by scope (a local class that shadows an import is not the SDK).
 * @param additionalModules module specifiers, exactly as written, treated as re-exports of the SDKs
 */
export function createValueResolver(sourceCode: SourceCode, additionalModules: readonly string[]): ValueResolver {
  const extra = new Set(additionalModules)
  const cache = new Map<Scope.Variable, ResolvedValue | undefined>()

  function moduleValue(specifier: string | undefined, viaRequire: boolean): ResolvedValue | undefined {
    if (specifier === undefined) return undefined
    const exports = sdkModules.get(specifier)
    if (exports) return { kind: 'sdk-module', exports, constructs: viaRequire ? exports.get('default') : undefined, reexport: false }
    if (extra.has(specifier)) return { kind: 'sdk-module', exports: clientClassesByName, constructs: undefined, reexport: true }
    if (wrapperModules.has(specifier)) return { kind: 'wrapper-module', module: specifier }
    const aiSdkProvider = aiSdkProviderModules.get(specifier)
    if (aiSdkProvider) return { kind: 'ai-sdk-module', exports: aiSdkProvider }
    if (specifier === aiSdkModule) return { kind: 'ai-module' }
    const langChain = langChainModules.get(specifier)
    if (langChain) return { kind: 'langchain-module', exports: langChain }
    if (langChainBuilderModules.has(specifier)) return { kind: 'builder-module' }
    return undefined
  }

  function frameworkMember(value: ResolvedValue, name: string): ResolvedValue | undefined {
    switch (value.kind) {
      case 'wrapper-module':
        return value.module === aiSdkWrapperModule && finopsMiddlewareExports.has(name) ? { kind: 'finops-middleware-factory' } : undefined
      case 'ai-sdk-module':
        if (name === value.exports.instance) return { kind: 'ai-provider', provider: value.exports.provider }
        return name === value.exports.factory ? { kind: 'ai-provider-factory', provider: value.exports.provider } : undefined
      case 'ai-module':
        return modelWrapperExports.has(name) ? { kind: 'model-wrapper' } : undefined
      case 'langchain-module': {
        const model = value.exports.get(name)
        return model ? { kind: 'langchain-class', model } : undefined
      }
      case 'builder-module':
        return langChainBuilders.has(name) ? { kind: 'builder', name } : undefined
      default:
        return undefined
    }
  }

  /** What calling `callee` returns, when the rule tracks it: a provider from its factory, a finops middleware. */
  function callResult(callee: ResolvedValue | undefined): ResolvedValue | undefined {
    if (callee?.kind === 'ai-provider-factory') return { kind: 'ai-provider', provider: callee.provider }
    return callee?.kind === 'finops-middleware-factory' ? { kind: 'finops-middleware' } : undefined
  }

  function member(value: ResolvedValue | undefined, name: string | undefined, localName?: string): ResolvedValue | undefined {
    if (!value || name === undefined) return undefined
    if (value.kind === 'wrapper-module' && name === wrapperExportName) return { kind: 'wrapper', module: value.module }
    if (value.kind !== 'sdk-module') return frameworkMember(value, name)
    // A re-exporting module's default export is taken to be the class its local binding is named after.
    const exportName = value.reexport && name === 'default' && localName !== undefined ? localName : name
    const client = value.exports.get(exportName)
    return client ? { kind: 'client-class', client } : undefined
  }

  function isGlobalRequire(node: EsNode): boolean {
    if (node.type !== 'Identifier' || node.name !== 'require') return false
    const variable = findVariable(sourceCode.getScope(node), 'require')
    return variable === undefined || variable.defs.length === 0
  }

  function resolve(input: EsNode): ResolvedValue | undefined {
    const node = unwrapExpression(input)
    switch (node.type) {
      case 'Identifier': {
        const variable = findVariable(sourceCode.getScope(node), node.name)
        return variable ? resolveVariable(variable) : undefined
      }
      case 'MemberExpression':
        return node.object.type === 'Super' ? undefined : member(resolve(node.object), memberName(node))
      case 'AwaitExpression':
        // `await import('openai')`: the module namespace, as with `import * as`.
        return node.argument.type === 'ImportExpression' ? moduleValue(staticString(node.argument.source), false) : undefined
      case 'CallExpression': {
        if (node.callee.type === 'Super') return undefined
        const [argument] = node.arguments
        if (!isGlobalRequire(node.callee)) return callResult(resolve(node.callee))
        if (node.arguments.length !== 1) return undefined
        return argument?.type === 'SpreadElement' ? undefined : moduleValue(staticString(argument), true)
      }
      default:
        return undefined
    }
  }

  function resolveDefinition(variable: Scope.Variable): ResolvedValue | undefined {
    if (variable.defs.length !== 1) return undefined
    const definition = variable.defs[0]!
    if (definition.type === 'ImportBinding') {
      const declaration = definition.parent
      if (isTypeOnly(declaration) || isTypeOnly(definition.node)) return undefined
      const module = moduleValue(staticString(declaration.source), false)
      const specifier = definition.node
      if (specifier.type === 'ImportNamespaceSpecifier') return module
      if (specifier.type === 'ImportDefaultSpecifier') return member(module, 'default', variable.name)
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : staticString(specifier.imported)
      return member(module, imported, variable.name)
    }
    if (definition.type !== 'Variable') return undefined
    // Only bindings that are never reassigned can be followed.
    if (variable.references.some((reference) => reference.isWrite() && !reference.init)) return undefined
    const declarator = definition.node
    if (!declarator.init) return undefined
    if (declarator.id === definition.name) return resolve(declarator.init)
    const property = parentOf(definition.name)
    if (declarator.id.type !== 'ObjectPattern' || property?.type !== 'Property' || parentOf(property) !== declarator.id) return undefined
    if (property.value !== definition.name) return undefined
    const key = property.computed ? staticString(property.key) : property.key.type === 'Identifier' ? property.key.name : staticString(property.key)
    return member(resolve(declarator.init), key)
  }

  function resolveVariable(variable: Scope.Variable): ResolvedValue | undefined {
    if (cache.has(variable)) return cache.get(variable)
    cache.set(variable, undefined) // guards against cycles such as `const a = b, b = a`
    const value = resolveDefinition(variable)
    cache.set(variable, value)
    return value
  }

  return { resolve, resolveVariable }
}

function isTypeOnly(node: EsNode): boolean {
  return (node as { importKind?: string }).importKind === 'type'
}
