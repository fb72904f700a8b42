// Every publishable package, packed as npm would publish it, installs into a scratch app next to the
// peer versions it is developed against (frameworks included) and loads through its `exports` map both
// as ESM (`import`) and as CommonJS (`require`), with the same names. Each tarball passes publint and
// arethetypeswrong (every resolution mode of Node ≥ 16 and bundlers; `node10` cannot resolve `exports`
// subpaths and our engines say Node ≥ 20) and ships its LICENSE, README and CHANGELOG.
// Needs the packages built first: the root `pnpm test` builds before running vitest.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { publint } from 'publint'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPackages, publishablePackages } from './pack-packages.js'

const root = fileURLToPath(new URL('..', import.meta.url))
const packages = publishablePackages

let app: string
const tarballFiles: Record<string, string> = {}

beforeAll(() => {
  app = mkdtempSync(join(tmpdir(), 'finops-packaging-'))
  Object.assign(tarballFiles, packPackages(app))
  const tarballs: Record<string, string> = {}
  const peers: Record<string, string> = {}
  for (const { manifest } of packages) {
    tarballs[manifest.name] = `file:./${basename(tarballFiles[manifest.name]!)}`
    // Peers are installed at the version the repository develops against.
    for (const peer of Object.keys(manifest.peerDependencies ?? {})) peers[peer] = manifest.devDependencies?.[peer] ?? manifest.peerDependencies![peer]!
  }
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({ name: 'scratch-app', private: true, dependencies: { ...peers, ...tarballs }, overrides: tarballs }),
  )
  execFileSync('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: app, stdio: 'ignore' })
}, 180_000)

afterAll(() => rmSync(app, { recursive: true, force: true }))

function load(specifier: string, mode: 'import' | 'require'): string[] {
  const script =
    mode === 'import'
      ? `const m = await import(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default' && k !== 'module.exports').sort()))`
      : `const m = require(${JSON.stringify(specifier)}); console.log(JSON.stringify(Object.keys(m).filter((k) => k !== 'default').sort()))`
  const output = execFileSync('node', mode === 'import' ? ['--input-type=module', '-e', script] : ['-e', script], { cwd: app, encoding: 'utf8' })
  return JSON.parse(output) as string[]
}

describe.each(packages)('$manifest.name', ({ manifest }) => {
  const entries = Object.keys(manifest.exports).filter((entry) => entry !== './package.json')

  it.each(entries)('loads %s as ESM and CommonJS with the same exports', (entry) => {
    const specifier = entry === '.' ? manifest.name : `${manifest.name}/${entry.slice(2)}`
    const esm = load(specifier, 'import')
    expect(esm.length).toBeGreaterThan(0)
    expect(load(specifier, 'require')).toEqual(esm)
  })

  it('is side-effect free and ships dist, its changelog and the licence', () => {
    expect(manifest).toMatchObject({ sideEffects: false, files: ['dist', 'CHANGELOG.md'] })
    const listing = execFileSync('tar', ['-tzf', tarballFiles[manifest.name]!], { encoding: 'utf8' }).split('\n')
    expect(listing).toEqual(expect.arrayContaining(['package/LICENSE', 'package/README.md', 'package/CHANGELOG.md', 'package/package.json']))
  })

  it('passes publint', async () => {
    const tarball = readFileSync(tarballFiles[manifest.name]!)
    const { messages } = await publint({ pack: { tarball: tarball.buffer.slice(tarball.byteOffset, tarball.byteOffset + tarball.byteLength) }, level: 'suggestion' })
    expect(messages).toEqual([])
  })

  it('resolves its types in every module resolution mode (arethetypeswrong)', () => {
    const attw = spawnSync(join(root, 'node_modules', '.bin', 'attw'), [tarballFiles[manifest.name]!, '--profile', 'node16', '--format', 'table-flipped'], { encoding: 'utf8' })
    expect(attw.status, attw.stdout + attw.stderr).toBe(0)
  }, 60_000)
})
