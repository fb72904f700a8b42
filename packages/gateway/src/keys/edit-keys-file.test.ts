import { chmodSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { ConfigError } from '@finops-ai/core'
import { describe, expect, it } from 'vitest'
import { createVirtualKey } from './create-virtual-key.js'
import { editKeysFile } from './edit-keys-file.js'
import { readKeysFile } from './keys-file.js'

const directory = () => mkdtempSync(join(tmpdir(), 'finops-keys-edit-'))
const key = (id: string) => createVirtualKey({ id, attribution: { team: 'support' } }).entry

describe('editKeysFile', () => {
  it('creates a missing file with mode 0600 when asked to', () => {
    const path = join(directory(), 'keys.yaml')
    editKeysFile(path, (file) => file.append(key('vk_a')), { create: true })
    expect(statSync(path).mode & 0o777).toBe(0o600)
    expect(readKeysFile(path).map((entry) => entry.id)).toEqual(['vk_a'])
    expect(() => editKeysFile(join(directory(), 'other.yaml'), (file) => file.append(key('vk_a')))).toThrow(/cannot read keys file/)
  })

  it('keeps the comments and the permissions of an existing YAML file', () => {
    const path = join(directory(), 'keys.yaml')
    writeFileSync(path, '# owned by the platform team\nkeys: [] # none yet\n')
    chmodSync(path, 0o640)
    editKeysFile(path, (file) => file.append(key('vk_a')))
    editKeysFile(path, (file) => file.append(key('vk_b')))
    editKeysFile(path, (file) => file.revoke(0))
    const text = readFileSync(path, 'utf8')
    expect(text).toMatch(/^# owned by the platform team\nkeys:\n {2}- id: vk_a\n/)
    expect(text).toContain('# none yet')
    expect(statSync(path).mode & 0o777).toBe(0o640)
    expect(readKeysFile(path).map((entry) => [entry.id, entry.revoked ?? false])).toEqual([
      ['vk_a', true],
      ['vk_b', false],
    ])
  })

  it('edits JSON files as JSON', () => {
    const path = join(directory(), 'keys.json')
    editKeysFile(path, (file) => file.append(key('vk_a')), { create: true })
    editKeysFile(path, (file) => file.revoke(0))
    expect(JSON.parse(readFileSync(path, 'utf8')).keys[0]).toMatchObject({ id: 'vk_a', revoked: true })
  })

  it('writes nothing when the edit throws or the result would be invalid', () => {
    const folder = directory()
    const path = join(folder, 'keys.yaml')
    editKeysFile(path, (file) => file.append(key('vk_a')), { create: true })
    const before = readFileSync(path, 'utf8')
    expect(() =>
      editKeysFile(path, (file) => {
        file.append(key('vk_b'))
        throw new Error('changed my mind')
      }),
    ).toThrow('changed my mind')
    expect(() => editKeysFile(path, (file) => file.append(key('vk_a')))).toThrow(ConfigError)
    expect(readFileSync(path, 'utf8')).toBe(before)
    expect(readdirSync(folder)).toEqual(['keys.yaml'])
  })
})
