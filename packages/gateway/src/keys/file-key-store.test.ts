import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { ConfigError } from '@finops-ai/core'
import { afterEach, describe, expect, it } from 'vitest'
import { createVirtualKey } from './create-virtual-key.js'
import { fileKeyStore, type FileKeyStore, type KeysReloadEvent } from './file-key-store.js'
import { entryToDocument } from './keys-file.js'
import { runKeysCommand } from './keys-command.js'

const silent = { stdout: () => {}, stderr: () => {} }
const stores: FileKeyStore[] = []
afterEach(() => stores.splice(0).forEach((store) => store.close()))

function keysFile(keys: ReturnType<typeof createVirtualKey>[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'finops-key-store-')), 'keys.json')
  writeFileSync(path, JSON.stringify({ keys: keys.map(({ entry }) => entryToDocument(entry)) }))
  return path
}

type StoreEvent = { type: 'reload'; event: KeysReloadEvent } | { type: 'error'; error: Error }

/** A watched store whose reloads and errors arrive, in order, through `next()`. */
function watchedStore(path: string) {
  const waiting: ((event: StoreEvent) => void)[] = []
  const arrived: StoreEvent[] = []
  const deliver = (event: StoreEvent) => (waiting.length > 0 ? waiting.shift()!(event) : arrived.push(event))
  const store = fileKeyStore(path, {
    onReload: (event) => deliver({ type: 'reload', event }),
    onError: (error) => deliver({ type: 'error', error }),
  })
  stores.push(store)
  const next = () => (arrived.length > 0 ? Promise.resolve(arrived.shift()!) : new Promise<StoreEvent>((resolve) => waiting.push(resolve)))
  return { store, next }
}

const support = createVirtualKey({ id: 'vk_support', attribution: { team: 'support' } })

describe('fileKeyStore', () => {
  it('looks up the keys of the file and refuses other secrets', () => {
    const store = fileKeyStore(keysFile([support]), { watch: false })
    expect(store.lookup(support.secret)?.attribution).toEqual({ team: 'support' })
    expect(store.lookup(createVirtualKey({ id: 'vk_x', attribution: { team: 't' } }).secret)).toBeUndefined()
  })

  it('fails at start on an invalid file with the path of the problem', () => {
    const path = keysFile([support])
    writeFileSync(path, JSON.stringify({ keys: [{ ...entryToDocument(support.entry), attribution: { team: '' } }] }))
    expect(() => fileKeyStore(path)).toThrow(ConfigError)
    expect(() => fileKeyStore(path)).toThrow('keys[0].attribution.team: expected a non-empty string')
  })

  it('picks up a key created by `keys create` in another process, without a restart', { timeout: 60_000 }, async () => {
    const path = keysFile([support])
    const { store, next } = watchedStore(path)
    const tsx = createRequire(import.meta.url).resolve('tsx/cli')
    const argv = ['create', '--file', path, '--id', 'vk_batch', '--team', 'data', '--feature', 'nightly']
    const script = `import { runKeysCommand } from ${JSON.stringify(fileURLToPath(new URL('./keys-command.ts', import.meta.url)))}
process.exitCode = await runKeysCommand(${JSON.stringify(argv)}, { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) })`
    // From the repository root, tsx resolves @finops-ai/core to its sources through tsconfig.json.
    const { stdout } = await promisify(execFile)(process.execPath, [tsx, '--input-type=module', '-e', script], { cwd: fileURLToPath(new URL('../../../..', import.meta.url)) })
    const secret = stdout.trim()
    expect(secret).toMatch(/^fo-[A-Za-z0-9_-]{43}$/)
    expect(await next()).toEqual({ type: 'reload', event: { path, keys: 2 } })
    expect(store.lookup(secret)).toEqual({ id: 'vk_batch', attribution: { team: 'data', feature: 'nightly' } })
    expect(store.lookup(support.secret)?.id).toBe('vk_support')
    expect(readFileSync(path, 'utf8')).not.toContain(secret.slice(3))
  })

  it('stops accepting a key once `keys revoke` has marked it', async () => {
    const path = keysFile([support])
    const { store, next } = watchedStore(path)
    expect(await runKeysCommand(['revoke', '--file', path, '--id', 'vk_support'], silent)).toBe(0)
    expect(await next()).toEqual({ type: 'reload', event: { path, keys: 0 } })
    expect(store.lookup(support.secret)).toBeUndefined()
  })

  it('keeps the keys in use when an edit makes the file invalid, and takes the next valid edit', async () => {
    const path = keysFile([support])
    const { store, next } = watchedStore(path)
    const valid = readFileSync(path, 'utf8')
    writeFileSync(path, valid.replace('"team":"support"', '"team":""'))
    const failed = await next()
    expect(failed.type === 'error' && ConfigError.isInstance(failed.error) && failed.error.path).toBe('keys[0].attribution.team')
    expect(store.lookup(support.secret)?.id).toBe('vk_support')
    writeFileSync(path, '{ "keys": [')
    expect((await next()).type).toBe('error')
    expect(store.lookup(support.secret)?.id).toBe('vk_support')
    writeFileSync(path, valid.replace('"team":"support"', '"team":"support-2"'))
    expect(await next()).toEqual({ type: 'reload', event: { path, keys: 1 } })
    expect(store.lookup(support.secret)?.attribution).toEqual({ team: 'support-2' })
  })

  it('reloads on demand when not watching', () => {
    const path = keysFile([support])
    const reloads: KeysReloadEvent[] = []
    const store = fileKeyStore(path, { watch: false, onReload: (event) => reloads.push(event) })
    const added = createVirtualKey({ id: 'vk_added', attribution: { team: 'support' } })
    writeFileSync(path, JSON.stringify({ keys: [support, added].map(({ entry }) => entryToDocument(entry)) }))
    expect(store.lookup(added.secret)).toBeUndefined()
    store.reload()
    expect(reloads).toEqual([{ path, keys: 2 }])
    expect(store.lookup(added.secret)?.id).toBe('vk_added')
    store.reload()
    expect(reloads).toHaveLength(1)
  })

  it('reports a missing file on reload through onError and never throws', () => {
    const path = keysFile([support])
    const errors: Error[] = []
    const store = fileKeyStore(path, { watch: false, onError: (error) => errors.push(error) })
    writeFileSync(path, '')
    expect(() => store.reload()).not.toThrow()
    expect(errors[0]?.message).toContain('is not valid JSON')
    expect(store.lookup(support.secret)?.id).toBe('vk_support')
  })
})
