import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

/** Markdown files under `directory` (recursively), repository-relative, sorted. */
function markdownUnder(root: string, directory: string): string[] {
  const absolute = join(root, directory)
  if (!existsSync(absolute)) return []
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md') && !name.split(/[\\/]/).includes('node_modules'))
    .map((name) => relative(root, join(absolute, name)))
}

/** `<directory>/*\/README.md` for every package or example directory. */
function readmesOf(root: string, directory: string): string[] {
  const absolute = join(root, directory)
  if (!existsSync(absolute)) return []
  return readdirSync(absolute)
    .filter((name) => statSync(join(absolute, name)).isDirectory() && existsSync(join(absolute, name, 'README.md')))
    .map((name) => `${directory}/${name}/README.md`)
}

/**
 * The documentation whose code blocks are checked: `docs/**\/*.md`, the root `README.md`,
 * `packages/*\/README.md` and `examples/*\/README.md`, as repository-relative paths.
 */
export function documentationFiles(root: string): string[] {
  const files = [...markdownUnder(root, 'docs'), ...(existsSync(join(root, 'README.md')) ? ['README.md'] : []), ...readmesOf(root, 'packages'), ...readmesOf(root, 'examples')]
  return files.map((file) => file.split('\\').join('/')).sort()
}
