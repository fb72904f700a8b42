import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { readKeysFile } from './keys-file.js'
import { hashSecret } from './secret-hash.js'

const directory = mkdtempSync(join(tmpdir(), 'finops-keys-file-'))
const hash = hashSecret('fo-one')

function fileWith(name: string, text: string): string {
  const path = join(directory, name)
  writeFileSync(path, text)
  return path
}

describe('readKeysFile', () => {
  it('reads YAML and JSON files alike', () => {
    const yaml = fileWith('keys.yaml', `keys:\n  - id: vk_one\n    hash: ${hash}\n    attribution: { team: support }\n    created: 2026-12-01T00:00:00Z\n`)
    const json = fileWith('keys.json', JSON.stringify({ keys: [{ id: 'vk_one', hash, attribution: { team: 'support' }, created: '2026-12-01T00:00:00Z' }] }))
    expect(readKeysFile(yaml)).toEqual(readKeysFile(json))
    expect(readKeysFile(yaml)[0]?.id).toBe('vk_one')
  })

  it('names the file, line and column of a syntax error without quoting the file', () => {
    const yaml = fileWith('broken.yaml', 'keys:\n  - id: "fo-QuotedSecretText\n')
    expect(() => readKeysFile(yaml)).toThrow(ConfigError)
    expect(() => readKeysFile(yaml)).toThrow(/broken\.yaml is not valid YAML: .* at line \d+, column \d+$/)
    expect(() => readKeysFile(yaml)).not.toThrow(/QuotedSecretText/)
    const json = fileWith('broken.json', '{"keys": [fo-QuotedSecretText]}')
    expect(() => readKeysFile(json)).toThrow(/broken\.json is not valid JSON: Unexpected token/)
    expect(() => readKeysFile(json)).not.toThrow(/QuotedSecretText/)
  })

  it('reports a missing file and an unknown extension as ConfigErrors', () => {
    expect(() => readKeysFile(join(directory, 'missing.yaml'))).toThrow(/cannot read keys file .*missing\.yaml: no such file or directory \(ENOENT\)/)
    expect(() => readKeysFile(fileWith('keys.txt', 'keys: []'))).toThrow('must end in .yaml, .yml or .json')
  })
})
