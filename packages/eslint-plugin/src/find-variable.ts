import type { Scope } from 'eslint'

/** The variable `name` refers to from `scope`, walking outwards; `undefined` when nothing declares it. */
export function findVariable(scope: Scope.Scope, name: string): Scope.Variable | undefined {
  for (let current: Scope.Scope | null = scope; current; current = current.upper) {
    const variable = current.set.get(name)
    if (variable) return variable
  }
  return undefined
}
