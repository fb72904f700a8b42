import { EventEmitter } from 'node:events'
import { describe, expect, it } from 'vitest'
import { endOnClosedPipe } from './end-on-closed-pipe.js'

function errorWithCode(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`write ${code}`), { code })
}

describe('endOnClosedPipe', () => {
  it('exits 0 without a word when the reader closed the pipe (EPIPE)', () => {
    const stream = new EventEmitter()
    const exits: number[] = []
    let stderr = ''
    endOnClosedPipe(stream, { write: (text: string) => (stderr += text) }, (code) => exits.push(code))
    stream.emit('error', errorWithCode('EPIPE'))
    expect(exits).toEqual([0])
    expect(stderr).toBe('')
  })

  it('reports any other write error in one line and exits 5', () => {
    const stream = new EventEmitter()
    const exits: number[] = []
    let stderr = ''
    endOnClosedPipe(stream, { write: (text: string) => (stderr += text) }, (code) => exits.push(code))
    stream.emit('error', errorWithCode('ENOSPC'))
    expect(exits).toEqual([5])
    expect(stderr).toBe('finops-ai: cannot write output: write ENOSPC\n')
  })
})
