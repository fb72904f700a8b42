import type { Rule, SourceCode } from 'eslint'

/** An ESTree node as a rule receives it from ESLint (with `parent`). */
export type AstNode = Rule.Node

/** Any ESTree node, e.g. a child property of an {@link AstNode}. */
export type EsNode = Parameters<SourceCode['getScope']>[0]

/** The ESTree node of one `type`. */
export type EsNodeOf<T extends EsNode['type']> = Extract<EsNode, { type: T }>

/** The parent ESLint attached to `node`; `undefined` for the program. */
export function parentOf(node: EsNode): EsNode | undefined {
  return (node as Partial<AstNode>).parent ?? undefined
}

const typeWrappers = new Set(['TSAsExpression', 'TSSatisfiesExpression', 'TSNonNullExpression', 'TSTypeAssertion'])

/**
 * The expression inside wrappers that do not change the value: TypeScript's `x as T`, `x!`,
 * `x satisfies T`, `<T>x`, and an optional-chain boundary (`a?.b`).
 */
export function unwrapExpression(node: EsNode): EsNode {
  let current = node
  while (typeWrappers.has(current.type) || current.type === 'ChainExpression') {
    current = (current as unknown as { expression: EsNode }).expression
  }
  return current
}

/** Whether `parent` is a TypeScript-only wrapper around `child`. */
export function isTypeWrapperOf(parent: EsNode, child: EsNode): boolean {
  return typeWrappers.has(parent.type) && (parent as unknown as { expression: EsNode }).expression === child
}

/** The name of a non-computed (`a.b`) or string-literal (`a['b']`) member access; `undefined` otherwise. */
export function memberName(node: EsNodeOf<'MemberExpression'>): string | undefined {
  if (!node.computed && node.property.type === 'Identifier') return node.property.name
  if (node.property.type === 'Literal' && typeof node.property.value === 'string') return node.property.value
  return undefined
}

/** The string a string literal (or a template literal without substitutions) stands for. */
export function staticString(node: EsNode | null | undefined): string | undefined {
  if (!node) return undefined
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? undefined
  return undefined
}
