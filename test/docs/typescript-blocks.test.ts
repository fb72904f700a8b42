// Every TypeScript code block of the documentation type-checks against the packages' sources.
// Conventions for fragments (`ts-preamble`, `ts-check: skip`): docs/examples.md#code-blocks-in-the-docs.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { documentationFiles } from './documentation-files.js'
import { markdownBlocks } from './markdown-blocks.js'
import { repositoryCompilerOptions, typecheckSnippets, type Snippet } from './typecheck-snippets.js'

const root = fileURLToPath(new URL('../../', import.meta.url))

const files = documentationFiles(root)
const snippets: Snippet[] = files.flatMap((file) =>
  markdownBlocks(readFileSync(join(root, file), 'utf8'), ['ts', 'typescript'])
    .filter((block) => block.skip === undefined)
    .map((block) => ({
      fileName: join(root, `${file}.block-${block.index}.ts`),
      preamble: block.preamble,
      code: block.code,
      origin: { file, line: block.line },
    })),
)

describe('TypeScript blocks in the documentation', () => {
  it('finds the documentation and its TypeScript blocks', () => {
    expect(files).toContain('README.md')
    expect(files).toContain('docs/examples.md')
    expect(snippets.length).toBeGreaterThan(0)
  })

  it('type-checks every block (fragments declare what they use in a ts-preamble comment)', () => {
    const errors = typecheckSnippets(snippets, repositoryCompilerOptions(join(root, 'tsconfig.json')))
    expect(errors.map((error) => `${error.location}: ${error.message}`)).toEqual([])
  }, 120_000)

  it('gives every skipped block a reason', () => {
    const skipped = files.flatMap((file) =>
      markdownBlocks(readFileSync(join(root, file), 'utf8'), ['ts', 'typescript'])
        .filter((block) => block.skip !== undefined)
        .map((block) => ({ at: `${file}:${block.line}`, reason: block.skip })),
    )
    expect(skipped.filter((block) => block.reason === '')).toEqual([])
  })
})
