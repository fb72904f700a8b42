import { describe, expect, it } from 'vitest'
import { markdownBlocks } from './markdown-blocks.js'

const page = [
  '# Title', //                                    1
  '', //                                           2
  '```ts', //                                      3
  "import { createFinOps } from '@finops-ai/core'", // 4
  '```', //                                        5
  '', //                                           6
  '<!-- ts-preamble: declare const messages: string[] -->', // 7
  '<!-- ts-preamble:', //                          8
  "import OpenAI from 'openai'", //                9
  '-->', //                                        10
  '```typescript title="chat.ts"', //              11
  'messages.push(OpenAI.name)', //                 12
  '```', //                                        13
  '', //                                           14
  '```yaml', //                                    15
  'policies: []', //                               16
  '```', //                                        17
  '<!-- ts-check: skip — reports of the lint rule -->', // 18
  '', //                                           19
  '```ts', //                                      20
  'const client = new OpenAI()', //                21
  'const client = new OpenAI()', //                22
  '```', //                                        23
].join('\n')

describe('markdownBlocks', () => {
  it('finds the blocks of the asked languages with their first content line', () => {
    expect(markdownBlocks(page, ['ts', 'typescript']).map(({ language, line, index }) => ({ language, line, index }))).toEqual([
      { language: 'ts', line: 4, index: 1 },
      { language: 'typescript', line: 12, index: 2 },
      { language: 'ts', line: 21, index: 3 },
    ])
    expect(markdownBlocks(page, ['yaml'])).toMatchObject([{ code: 'policies: []', line: 16 }])
  })

  it('joins the ts-preamble comments directly above a block, also multi-line ones', () => {
    const [, chat] = markdownBlocks(page, ['ts', 'typescript'])
    expect(chat?.preamble).toBe("declare const messages: string[]\nimport OpenAI from 'openai'")
    expect(chat?.code).toBe('messages.push(OpenAI.name)')
  })

  it('reads ts-check: skip with its reason, across a blank line', () => {
    const blocks = markdownBlocks(page, ['ts'])
    expect(blocks.at(-1)?.skip).toBe('reports of the lint rule')
    expect(blocks[0]?.skip).toBeUndefined()
    expect(blocks[0]?.preamble).toBe('')
  })

  it('does not take a comment separated from the block by prose', () => {
    const blocks = markdownBlocks('<!-- ts-preamble: declare const x: 1 -->\nSome prose.\n\n```ts\nx\n```\n', ['ts'])
    expect(blocks[0]?.preamble).toBe('')
  })
})
