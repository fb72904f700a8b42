import type { SourceCode } from 'eslint'
import type { EsNode } from './ast.js'
import { findVariable } from './find-variable.js'
import type { ValueResolver } from './resolve-value.js'
import { wrapperExportName } from './sdk-clients.js'

/**
 * The code that names `withFinOps` of `module` at `at`, from a binding the file already has at its
 * top level (`withFinOps`, an alias such as `wrap`, or `finops.withFinOps` for a namespace import);
 * `undefined` when there is none or a local declaration shadows it there.
 */
export function wrapperReference(at: EsNode, module: string, resolver: ValueResolver, sourceCode: SourceCode): string | undefined {
  const scope = sourceCode.getScope(at)
  let viaNamespace: string | undefined
  for (const topLevel of sourceCode.scopeManager.scopes) {
    if (topLevel.block !== sourceCode.ast) continue
    for (const variable of topLevel.variables) {
      const value = resolver.resolveVariable(variable)
      if (!value || !('module' in value) || value.module !== module) continue
      if (findVariable(scope, variable.name) !== variable) continue
      if (value.kind === 'wrapper') return variable.name
      viaNamespace ??= `${variable.name}.${wrapperExportName}`
    }
  }
  return viaNamespace
}

/** Whether an `import { withFinOps }` can be added to the file without clashing with any name in it. */
export function canImportWrapper(sourceCode: SourceCode): boolean {
  if (sourceCode.ast.sourceType !== 'module') return false
  return sourceCode.scopeManager.scopes.every(
    (scope) => !scope.set.has(wrapperExportName) && scope.through.every((reference) => reference.identifier.name !== wrapperExportName),
  )
}
