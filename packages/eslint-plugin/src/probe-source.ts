import { Linter, type Rule } from 'eslint'
import type { AstNode } from './ast.js'

/**
 * Test support: lints `code` with a one-off rule that calls `inspect` on every node matching
 * `selector` (an ESLint selector such as `'NewExpression'`) and returns what it returned, in order.
 * Throws on a parsing error.
 */
export function probeSource<T>(
  code: string,
  selector: string,
  inspect: (node: AstNode, context: Rule.RuleContext) => T,
  languageOptions: Linter.LanguageOptions = { sourceType: 'module' },
): T[] {
  const results: T[] = []
  const rule: Rule.RuleModule = { create: (context) => ({ [selector]: (node: AstNode) => void results.push(inspect(node, context)) }) }
  const messages = new Linter({ configType: 'flat' }).verify(code, {
    languageOptions,
    plugins: { probe: { rules: { probe: rule } } },
    rules: { 'probe/probe': 'error' },
  })
  const fatal = messages.find((message) => message.fatal)
  if (fatal) throw new Error(`probeSource: ${fatal.message}`)
  return results
}
