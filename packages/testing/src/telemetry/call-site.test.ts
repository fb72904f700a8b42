import { describe, expect, it } from 'vitest'
import { callSite } from './call-site.js'

describe('callSite', () => {
  it('joins file, line, column and function from the stable code.* attributes', () => {
    const attributes = { 'code.file.path': 'src/support.ts', 'code.line.number': 42, 'code.column.number': 7, 'code.function.name': 'answerTicket' }
    expect(callSite(attributes)).toBe('src/support.ts:42:7 (answerTicket)')
  })

  it('reads the older code.filepath and code.lineno names', () => {
    expect(callSite({ 'code.filepath': '/app/src/rag.ts', 'code.lineno': 9 })).toBe('/app/src/rag.ts:9')
  })

  it('prefers the stable names over the older ones', () => {
    expect(callSite({ 'code.file.path': 'new.ts', 'code.filepath': 'old.ts', 'code.line.number': 1, 'code.lineno': 2 })).toBe('new.ts:1')
  })

  it('falls back to the first frame of code.stacktrace', () => {
    const stacktrace = 'Error\n    at answerTicket (/app/src/support.ts:42:7)\n    at main (/app/src/index.ts:3:1)'
    expect(callSite({ 'code.stacktrace': stacktrace })).toBe('answerTicket (/app/src/support.ts:42:7)')
  })

  it('is undefined when the span carries no location', () => {
    expect(callSite({ 'gen_ai.operation.name': 'chat' })).toBeUndefined()
  })
})
