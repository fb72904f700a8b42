import { describe, expect, it } from 'vitest'
import { callSiteOf, captureCallSite } from './call-site.js'

describe('callSiteOf', () => {
  it('skips finops-ai, SDK and node frames and returns the first application frame', () => {
    const stack = [
      'Error',
      '    at Engine.begin (/app/node_modules/@finops-ai/core/dist/index.js:10:5)',
      '    at create (/app/node_modules/openai/resources/chat/completions.js:20:9)',
      '    at Engine.begin (/repo/packages/core/src/engine/create-finops.ts:120:9)',
      '    at async answerTicket (/app/src/support.ts:42:17)',
      '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    ].join('\n')
    expect(callSiteOf(stack)).toEqual({ filePath: '/app/src/support.ts', lineNumber: 42, columnNumber: 17, functionName: 'answerTicket' })
  })

  it('reads anonymous frames and file URLs', () => {
    expect(callSiteOf('Error\n    at file:///app/src/job.mjs:7:3')).toEqual({ filePath: '/app/src/job.mjs', lineNumber: 7, columnNumber: 3 })
  })

  it('is undefined when every frame is a library frame', () => {
    expect(callSiteOf('Error\n    at x (node:internal/timers:1:1)')).toBeUndefined()
    expect(callSiteOf(undefined)).toBeUndefined()
  })
})

describe('captureCallSite', () => {
  it('points at the calling test file', () => {
    expect(captureCallSite()?.filePath).toMatch(/call-site\.test\.ts$/)
  })
})
