import type { Scope, SourceCode } from 'eslint'
import { type EsNode, type EsNodeOf, isTypeWrapperOf, memberName, parentOf } from './ast.js'
import { findVariable } from './find-variable.js'
import type { ValueResolver } from './resolve-value.js'

/** How the instance built by one `new Client(...)` (or AI SDK `openai(...)`) expression is used, as far as this file shows. */
export interface ClientUse {
  /**
   * Every use provably passes through `withFinOps` (directly, or a variable only ever given to it);
   * for an AI SDK model, also as the `model` of `wrapLanguageModel` / `wrapEmbeddingModel` with a
   * finops middleware.
   */
  wrapped: boolean
  /** The unwrapped instance leaves the module through an export (`export`, `module.exports`). */
  exported: boolean
  /**
   * `const client = new Client(...)`, never reassigned nor exported, whose every use is a member
   * access (`client.chat...`): wrapping the constructor changes nothing else, so an autofix is safe.
   */
  memberUsesOnly: boolean
}

interface Site {
  /** The node that consumes the value. */
  site: EsNode
  /** The child of `site` the value arrives through. */
  child: EsNode
}

/** Walks up from `node` through parents that pass its value on unchanged (`as`, `!`, `a ? x : y`, `a ?? x`). */
function valueSite(node: EsNode, typeWrappersOnly: boolean): Site | undefined {
  let child = node
  let site = parentOf(node)
  while (site) {
    const passesOn =
      isTypeWrapperOf(site, child) ||
      (!typeWrappersOnly &&
        ((site.type === 'ConditionalExpression' && site.test !== child) ||
          site.type === 'LogicalExpression' ||
          (site.type === 'SequenceExpression' && site.expressions.at(-1) === child)))
    if (!passesOn) return { site, child }
    child = site
    site = parentOf(site)
  }
  return undefined
}

function isModuleExportsTarget(node: EsNode, sourceCode: SourceCode): boolean {
  // `module.exports`, `module.exports.x`, `exports.x` — with `module` / `exports` the CommonJS globals.
  if (node.type !== 'MemberExpression') return false
  const object = node.object
  if (object.type === 'Identifier') {
    const isGlobal = (findVariable(sourceCode.getScope(object), object.name)?.defs.length ?? 0) === 0
    return isGlobal && (object.name === 'exports' || (object.name === 'module' && memberName(node) === 'exports'))
  }
  return isModuleExportsTarget(object, sourceCode)
}

function isExportSite({ site, child }: Site, sourceCode: SourceCode): boolean {
  if (site.type === 'ExportDefaultDeclaration' || site.type === 'ExportSpecifier') return true
  return site.type === 'AssignmentExpression' && site.right === child && isModuleExportsTarget(site.left, sourceCode)
}

function isFinOpsMiddleware(node: EsNode, resolver: ValueResolver): boolean {
  if (node.type === 'ArrayExpression') return node.elements.some((element) => element !== null && isFinOpsMiddleware(element, resolver))
  return resolver.resolve(node)?.kind === 'finops-middleware'
}

/** `wrapLanguageModel({ model: <child>, middleware: finopsMiddleware(...) })` (or an array holding it). */
function isMiddlewareModel({ site, child }: Site, resolver: ValueResolver): boolean {
  if (site.type !== 'Property' || site.value !== child || site.computed || site.key.type !== 'Identifier' || site.key.name !== 'model') return false
  const options = parentOf(site)
  const call = options && parentOf(options)
  if (options?.type !== 'ObjectExpression' || call?.type !== 'CallExpression' || call.arguments[0] !== options) return false
  if (resolver.resolve(call.callee)?.kind !== 'model-wrapper') return false
  return options.properties.some(
    (property) =>
      property.type === 'Property' &&
      !property.computed &&
      property.key.type === 'Identifier' &&
      property.key.name === 'middleware' &&
      isFinOpsMiddleware(property.value, resolver),
  )
}

/** The value goes into `withFinOps` (first argument), or is the model of a `wrapLanguageModel` with a finops middleware. */
function isWrapperArgument(found: Site, resolver: ValueResolver): boolean {
  const { site, child } = found
  if (site.type === 'CallExpression' && site.arguments[0] === child && resolver.resolve(site.callee)?.kind === 'wrapper') return true
  return isMiddlewareModel(found, resolver)
}

function isTypeOnlyReference(reference: Scope.Reference): boolean {
  const flags = reference as { isValueReference?: boolean }
  const parentType: string | undefined = parentOf(reference.identifier)?.type
  return flags.isValueReference === false || parentType === 'TSTypeQuery'
}

/** Classifies the uses of the instance created by `expression` (a `new` of a provider client class, or an AI SDK model factory call). */
export function classifyClientUse(expression: EsNodeOf<'NewExpression' | 'CallExpression'>, resolver: ValueResolver, sourceCode: SourceCode): ClientUse {
  const notWrapped = { wrapped: false, exported: false, memberUsesOnly: false }
  const found = valueSite(expression, false)
  if (!found) return notWrapped
  if (isWrapperArgument(found, resolver)) return { wrapped: true, exported: false, memberUsesOnly: false }
  if (isExportSite(found, sourceCode)) return { ...notWrapped, exported: true }

  const { site, child } = found
  let variable: Scope.Variable | undefined
  let declarator: EsNodeOf<'VariableDeclarator'> | undefined
  if (site.type === 'VariableDeclarator' && site.init === child && site.id.type === 'Identifier') {
    declarator = site
    variable = sourceCode.getDeclaredVariables(site)[0]
  } else if (site.type === 'AssignmentExpression' && site.right === child && site.operator === '=' && site.left.type === 'Identifier') {
    variable = findVariable(sourceCode.getScope(site), site.left.name)
  }
  if (!variable) return notWrapped

  const declaration = declarator && parentOf(declarator)
  let exported = declaration !== undefined && parentOf(declaration)?.type === 'ExportNamedDeclaration'
  let wrappedReads = 0
  let memberReads = 0
  let otherReads = 0
  let reassigned = false
  for (const reference of variable.references) {
    if (isTypeOnlyReference(reference)) continue
    if (reference.isWrite() && !reference.init && reference.identifier !== (site.type === 'AssignmentExpression' ? site.left : undefined)) {
      reassigned = true
    }
    if (!reference.isRead()) continue
    const use = valueSite(reference.identifier, false)
    if (!use) continue
    if (isWrapperArgument(use, resolver)) wrappedReads++
    else if (isExportSite(use, sourceCode)) exported = true
    else {
      const direct = valueSite(reference.identifier, true)
      if (direct?.site.type === 'MemberExpression' && direct.site.object === direct.child) memberReads++
      else otherReads++
    }
  }
  const wrapped = !exported && wrappedReads > 0 && memberReads === 0 && otherReads === 0
  const memberUsesOnly = declarator !== undefined && !exported && !reassigned && wrappedReads === 0 && otherReads === 0
  return { wrapped, exported, memberUsesOnly }
}
