import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { replaceFile } from './replace-file.js'

describe('replaceFile', () => {
  it('replaces the content and leaves no temporary file behind', () => {
    const folder = mkdtempSync(join(tmpdir(), 'finops-replace-'))
    const path = join(folder, 'keys.yaml')
    replaceFile(path, 'one\n')
    replaceFile(path, 'two\n')
    expect(readFileSync(path, 'utf8')).toBe('two\n')
    expect(readdirSync(folder)).toEqual(['keys.yaml'])
  })

  it('throws the system error for a missing directory', () => {
    expect(() => replaceFile(join(tmpdir(), 'finops-no-such-directory', 'keys.yaml'), 'x')).toThrow(expect.objectContaining({ code: 'ENOENT' }))
  })
})
