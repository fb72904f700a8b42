import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { systemErrorMessage } from './system-error-message.js'

function thrownBy(action: () => void): unknown {
  try {
    action()
  } catch (error) {
    return error
  }
  throw new Error('expected a throw')
}

describe('systemErrorMessage', () => {
  it('names the file, the reason and the code of a failed write in one line', () => {
    const error = thrownBy(() => writeFileSync('/nonexistent/dir/r.html', 'x'))
    expect(systemErrorMessage(error)).toBe('cannot write /nonexistent/dir/r.html: no such file or directory (ENOENT)')
  })

  it('is undefined for errors that are not system errors', () => {
    expect(systemErrorMessage(new Error('boom'))).toBeUndefined()
    expect(systemErrorMessage('text')).toBeUndefined()
  })
})
