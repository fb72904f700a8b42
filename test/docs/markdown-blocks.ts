/**
 * Fenced code blocks of a Markdown document, with the check directives written above them.
 *
 * Directives are HTML comments (invisible on GitHub and in most renderers) on the lines right
 * above the opening fence:
 *
 * - `<!-- ts-preamble: <TypeScript> -->` — code compiled before the block, for fragments that use
 *   names the page introduced in prose or an earlier block (`declare const messages: ...`,
 *   `import OpenAI from 'openai'`). May span several lines; several preambles add up.
 * - `<!-- ts-check: skip <reason> -->` — the block is not compiled (for code that is wrong on
 *   purpose, e.g. what a lint rule reports). The reason is required.
 */

/** One fenced code block. */
export interface MarkdownBlock {
  /** The info string's first word, lower-cased: `ts`, `typescript`, `yaml`, ... */
  language: string
  /** The block's content, without the fences. */
  code: string
  /** 1-based line of the block's first content line in the document. */
  line: number
  /** 1-based index among the document's blocks of the same language family. */
  index: number
  /** TypeScript compiled before the block (`ts-preamble` directives, joined by newlines), or `''`. */
  preamble: string
  /** The reason given by a `ts-check: skip` directive. */
  skip?: string
}

const fence = /^(\s*)(`{3,}|~{3,})\s*([\w+-]*)[^\n]*$/
const directive = /<!--\s*(ts-preamble|ts-check):([\s\S]*?)-->/g

/** The text of the HTML comments that end directly above `lineIndex` (blank lines between them and the fence allowed). */
function commentsAbove(lines: readonly string[], lineIndex: number): string {
  let end = lineIndex
  while (end > 0 && lines[end - 1]!.trim() === '') end--
  let start = end
  while (start > 0 && lines[start - 1]!.trimEnd().endsWith('-->')) {
    let open = start - 1
    while (open > 0 && !lines[open]!.trimStart().startsWith('<!--')) open--
    if (!lines[open]!.trimStart().startsWith('<!--')) break
    start = open
  }
  return lines.slice(start, end).join('\n')
}

/** The `ts-preamble` and `ts-check: skip` directives above the fence at `lineIndex`. */
function directivesAbove(lines: readonly string[], lineIndex: number): { preamble: string; skip?: string } {
  const preambles: string[] = []
  let skip: string | undefined
  for (const match of commentsAbove(lines, lineIndex).matchAll(directive)) {
    const body = match[2]!.trim()
    if (match[1] === 'ts-preamble') preambles.push(body)
    else if (/^skip\b/.test(body)) skip = body.replace(/^skip\b\s*[—–:-]?\s*/, '')
  }
  return skip === undefined ? { preamble: preambles.join('\n') } : { preamble: preambles.join('\n'), skip }
}

/** Every fenced code block of `markdown` whose language is in `languages` (all when omitted). */
export function markdownBlocks(markdown: string, languages?: readonly string[]): MarkdownBlock[] {
  const lines = markdown.split('\n')
  const blocks: MarkdownBlock[] = []
  let index = 0
  for (let lineIndex = 0; lineIndex < lines.length; lineIndex++) {
    const open = fence.exec(lines[lineIndex]!)
    if (!open) continue
    const marker = open[2]!
    const language = open[3]!.toLowerCase()
    let close = lineIndex + 1
    while (close < lines.length && !(lines[close]!.trim().startsWith(marker) && lines[close]!.trim().replace(/[`~]/g, '') === '')) close++
    if (languages === undefined || languages.includes(language)) {
      const { preamble, skip } = directivesAbove(lines, lineIndex)
      const block: MarkdownBlock = { language, code: lines.slice(lineIndex + 1, close).join('\n'), line: lineIndex + 2, index: ++index, preamble }
      if (skip !== undefined) block.skip = skip
      blocks.push(block)
    }
    lineIndex = close
  }
  return blocks
}
