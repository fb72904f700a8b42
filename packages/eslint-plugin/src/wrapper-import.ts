import type { Rule, SourceCode } from 'eslint'
import { wrapperExportName } from './sdk-clients.js'

/**
 * A fix that adds `import { <name> } from '<module>'` (`name` defaults to `withFinOps`) after the
 * file's last import (matching its quote style and semicolon), or before the first statement when
 * the file has no import.
 */
export function insertWrapperImport(fixer: Rule.RuleFixer, sourceCode: SourceCode, module: string, name = wrapperExportName): Rule.Fix {
  const body = sourceCode.ast.body
  const imports = body.filter((statement) => statement.type === 'ImportDeclaration')
  const last = imports.at(-1)
  if (!last) return fixer.insertTextBefore(body[0]!, `import { ${name} } from '${module}'\n`)
  const quote = last.source.raw?.startsWith('"') ? '"' : "'"
  const semicolon = sourceCode.getText(last).endsWith(';') ? ';' : ''
  return fixer.insertTextAfter(last, `\nimport { ${name} } from ${quote}${module}${quote}${semicolon}`)
}
