import type { SourceCode } from 'eslint'
import type { EsNode } from './ast.js'
import { findVariable } from './find-variable.js'
import type { ResolvedValue, ValueResolver } from './resolve-value.js'
import { wrapperExportName } from './sdk-clients.js'

/**
 * The code that names a function at `at`, from a binding the file already has at its top level and
 * that `reference` accepts: the code for a direct binding (its local name) wins over one through a
 * namespace. `undefined` when there is none or a local declaration shadows it there.
 */
function topLevelReference(
  at: EsNode,
  resolver: ValueResolver,
  sourceCode: SourceCode,
  reference: (value: ResolvedValue, name: string) => { code: string; direct: boolean } | undefined,
): string | undefined {
  const scope = sourceCode.getScope(at)
  let viaNamespace: string | undefined
  for (const topLevel of sourceCode.scopeManager.scopes) {
    if (topLevel.block !== sourceCode.ast) continue
    for (const variable of topLevel.variables) {
      const value = resolver.resolveVariable(variable)
      const found = value && reference(value, variable.name)
      if (!found || findVariable(scope, variable.name) !== variable) continue
      if (found.direct) return found.code
      viaNamespace ??= found.code
    }
  }
  return viaNamespace
}

/**
 * The code that names `withFinOps` of `module` at `at`, from a binding the file already has at its
 * top level (`withFinOps`, an alias such as `wrap`, or `finops.withFinOps` for a namespace import);
 * `undefined` when there is none or a local declaration shadows it there.
 */
export function wrapperReference(at: EsNode, module: string, resolver: ValueResolver, sourceCode: SourceCode): string | undefined {
  return topLevelReference(at, resolver, sourceCode, (value, name) => {
    if (value.kind === 'wrapper' && value.module === module) return { code: name, direct: true }
    if (value.kind === 'wrapper-module' && value.module === module) return { code: `${name}.${wrapperExportName}`, direct: false }
    return undefined
  })
}

/**
 * The code that names the `@finops-ai/langchain` helper `builder` (e.g. `finopsChatOpenAI`) at `at`,
 * from a top-level import of it (under its alias) or of a module exporting it; `undefined` otherwise.
 */
export function builderReference(at: EsNode, builder: string, resolver: ValueResolver, sourceCode: SourceCode): string | undefined {
  return topLevelReference(at, resolver, sourceCode, (value, name) => {
    if (value.kind === 'builder' && value.name === builder) return { code: name, direct: true }
    if (value.kind === 'builder-module') return { code: `${name}.${builder}`, direct: false }
    return undefined
  })
}

/** Whether an `import { <name> }` can be added to the file without clashing with any name in it. */
export function canImportName(sourceCode: SourceCode, name: string): boolean {
  if (sourceCode.ast.sourceType !== 'module') return false
  return sourceCode.scopeManager.scopes.every(
    (scope) => !scope.set.has(name) && scope.through.every((reference) => reference.identifier.name !== name),
  )
}
