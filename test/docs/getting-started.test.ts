// docs/getting-started.md, run as written: the packages are packed, a scratch app is set up with the
// guide's own commands, its install line runs with npm (the `@finops-ai/*` names replaced by the
// tarballs, everything else — the current OpenTelemetry SDK included — from the registry), the
// blocks marked `<!-- file: NAME -->` are written as those files, and the guide's run and report
// commands must print what the guide promises. Needs the packages built first (the root `pnpm test`
// builds) and the npm registry. Runs on one Node line only (see test/run-node-matrix.mjs).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { packPackages, publishablePackages } from '../pack-packages.js'

const guide = readFileSync(fileURLToPath(new URL('../../docs/getting-started.md', import.meta.url)), 'utf8')

/** The blocks of the guide marked with `<!-- NAME -->` (or `<!-- file: NAME -->`) right above their fence. */
function markedBlocks(): Map<string, string> {
  const blocks = new Map<string, string>()
  for (const match of guide.matchAll(/<!--\s*([\w:. -]+?)\s*-->\n```\w*\n([\s\S]*?)\n```/g)) blocks.set(match[1]!, match[2]!)
  return blocks
}

function block(name: string): string {
  const code = markedBlocks().get(name)
  if (code === undefined) throw new Error(`docs/getting-started.md has no block marked <!-- ${name} -->`)
  return code
}

/** Runs a guide's shell block in `cwd` and returns its stdout (stderr goes to the error on failure). */
function sh(script: string, cwd: string): string {
  return execFileSync('sh', ['-ec', script], { cwd, encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: '', npm_config_loglevel: 'error' } })
}

let scratch: string
let app: string
let output: string

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'finops-getting-started-'))
  let install = block('install')
  // Only the packages the guide installs; their dependencies on each other (`@finops-ai/core`) are
  // satisfied by the tarballs installed next to them, as they would be once published.
  const tarballs = packPackages(
    scratch,
    publishablePackages.filter(({ manifest }) => new RegExp(`${manifest.name}(?=\\s|$)`).test(install)),
  )
  sh(block('setup'), scratch)
  app = join(scratch, 'finops-demo')
  for (const [name, path] of Object.entries(tarballs)) install = install.replaceAll(new RegExp(`${name.replace('/', '\\/')}(?=\\s|$)`, 'g'), path)
  sh(`${install} --no-audit --no-fund`, app)
  for (const [name, code] of markedBlocks()) if (name.startsWith('file: ')) writeFileSync(join(app, name.slice('file: '.length)), `${code}\n`)
  output = sh(block('run'), app)
}, 240_000)

afterAll(() => rmSync(scratch, { recursive: true, force: true }), 60_000)

describe('docs/getting-started.md', () => {
  it('answers the first calls and prints their spans on the console', () => {
    expect(output).toContain('call 1: answered')
    expect(output).toContain('call 2: answered')
    expect(output).toMatch(/'gen_ai\.request\.model': 'gpt-4o-mini'/)
    expect(output).toMatch(/'finops\.cost\.currency': 'EUR'/)
    expect(output).toMatch(/'feature\.name': 'support-rag'/)
  })

  it('denies the third call before it is sent, as the guide says', () => {
    expect(output).toContain('call 3: denied (requests_per_minute of policy support-rag/user=k.herings), never sent')
  })

  it("reports the user's spend in the policy file's currency", () => {
    expect(output).toMatch(/k\.herings spent 0\.0\d+ EUR of 50 this month/)
  })

  it('reads the usage ledger back with finops-ai report', () => {
    const report = sh(block('report'), app)
    expect(report).toMatch(/customer-support\s+3\s/)
    expect(report).toMatch(/total\s+3\s/)
  })
})
