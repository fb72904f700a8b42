import { dirname, resolve } from 'node:path'
import ts from 'typescript'

/** A piece of TypeScript to check as if it were a module at `fileName`. */
export interface Snippet {
  /** Absolute path the snippet pretends to live at (never written): imports resolve from its directory. */
  fileName: string
  /** Declarations compiled before `code` (not the reader's code: errors in it are reported as such). */
  preamble: string
  code: string
  /** Where `code` came from, for messages: the Markdown file and the 1-based line of the block's first line. */
  origin: { file: string; line: number }
}

/** A compiler error in a snippet, located in its Markdown source. */
export interface SnippetError {
  /** `docs/getting-started.md:31` (or `...:preamble of line 24` for errors in the preamble). */
  location: string
  /** `TS2304: Cannot find name 'messages'.` */
  message: string
}

/** The compiler options of the repository's `tsconfig.json` (strict, `paths` to every package's `src/index.ts`). */
export function repositoryCompilerOptions(tsconfigPath: string): ts.CompilerOptions {
  const config = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path))
  if (config.error) throw new Error(ts.flattenDiagnosticMessageText(config.error.messageText, '\n'))
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, dirname(tsconfigPath))
  return { ...parsed.options, noEmit: true, incremental: false }
}

const moduleMarker = '\nexport {}\n'

/**
 * Type-checks every snippet as its own ES module (top-level `await` allowed) in one program, through
 * the TypeScript compiler API with an in-memory host: nothing is written to disk. Only errors in
 * the snippets are returned, not errors of the packages they import.
 */
export function typecheckSnippets(snippets: readonly Snippet[], options: ts.CompilerOptions): SnippetError[] {
  const byFile = new Map(snippets.map((snippet) => [resolve(snippet.fileName), snippet]))
  const textOf = (snippet: Snippet) => `${snippet.preamble === '' ? '' : `${snippet.preamble}\n`}${snippet.code}${moduleMarker}`
  const host = ts.createCompilerHost(options, true)
  const { getSourceFile, fileExists, readFile } = host
  host.fileExists = (fileName) => byFile.has(resolve(fileName)) || fileExists.call(host, fileName)
  host.readFile = (fileName) => {
    const snippet = byFile.get(resolve(fileName))
    return snippet ? textOf(snippet) : readFile.call(host, fileName)
  }
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const snippet = byFile.get(resolve(fileName))
    if (snippet) return ts.createSourceFile(fileName, textOf(snippet), languageVersion, true, ts.ScriptKind.TS)
    return getSourceFile.call(host, fileName, languageVersion, onError, shouldCreate)
  }
  const program = ts.createProgram({ rootNames: [...byFile.keys()], options, host })
  const errors: SnippetError[] = program.getOptionsDiagnostics().map((diagnostic) => ({
    location: 'compiler options',
    message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
  }))
  for (const [fileName, snippet] of byFile) {
    const source = program.getSourceFile(fileName)!
    const preambleLines = snippet.preamble === '' ? 0 : snippet.preamble.split('\n').length
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const line = diagnostic.start === undefined ? 0 : source.getLineAndCharacterOfPosition(diagnostic.start).line
      const location =
        line < preambleLines ? `${snippet.origin.file}: preamble of the block at line ${snippet.origin.line}` : `${snippet.origin.file}:${snippet.origin.line + line - preambleLines}`
      errors.push({ location, message: `TS${diagnostic.code}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')}` })
    }
  }
  return errors
}
