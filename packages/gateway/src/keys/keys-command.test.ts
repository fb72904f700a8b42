import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fileKeyStore } from './file-key-store.js'
import { runKeysCommand } from './keys-command.js'

async function run(...argv: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runKeysCommand(argv, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text) })
  return { code, stdout, stderr }
}

const newFile = (name = 'keys.yaml') => join(mkdtempSync(join(tmpdir(), 'finops-keys-command-')), name)

async function created(file: string, id: string, ...options: string[]): Promise<string> {
  const result = await run('create', '--file', file, '--id', id, ...options)
  expect(result.code).toBe(0)
  return result.stdout.trim()
}

describe('keys create', () => {
  it('prints the secret once, alone on stdout, and stores only its hash in a new 0600 file', async () => {
    const file = newFile()
    const result = await run('create', '--file', file, '--id', 'vk_support_rag', '--team', 'support', '--feature', 'support-rag', '--cost-center', 'CC-4711')
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^fo-[A-Za-z0-9_-]{43}\n$/)
    expect(result.stderr).toBe(`Created virtual key vk_support_rag in ${file}. Its secret follows on stdout; it cannot be shown again: store it now.\n`)
    const secret = result.stdout.trim()
    const text = readFileSync(file, 'utf8')
    expect(text).not.toContain(secret.slice(3))
    expect(text).toMatch(/hash: sha256:[0-9a-f]{64}\n/)
    expect(statSync(file).mode & 0o777).toBe(0o600)
    expect(fileKeyStore(file, { watch: false }).lookup(secret)).toEqual({
      id: 'vk_support_rag',
      attribution: { team: 'support', feature: 'support-rag', costCenter: 'CC-4711' },
    })
  })

  it('records the user header, custom attribution, allowed providers and models, and expiry', async () => {
    const file = newFile('keys.json')
    const secret = await created(file, 'vk_ide', '--user', 'k.herings', '--attribution', 'project=atlas', '--user-header', 'X-User',
      '--provider', 'openai', '--provider', 'anthropic', '--model', 'gpt-4o-mini', '--model', 'claude-sonnet-4-5', '--expires', '2099-01-31')
    expect(fileKeyStore(file, { watch: false }).lookup(secret)).toEqual({
      id: 'vk_ide',
      attribution: { user: 'k.herings', project: 'atlas' },
      userHeader: 'x-user',
      providers: ['openai', 'anthropic'],
      models: ['gpt-4o-mini', 'claude-sonnet-4-5'],
    })
    expect(JSON.parse(readFileSync(file, 'utf8')).keys[0].expires).toBe('2099-01-31T00:00:00.000Z')
  })

  it.each([
    [['create', '--id', 'vk_a', '--team', 't'], '--file is required'],
    [['create', '--file', 'keys.yaml', '--team', 't'], '--id is required'],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a'], 'give the key an attribution: at least one of --team'],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', ''], 'attribution.team: expected a non-empty string'],
    [['create', '--file', 'keys.yaml', '--id', 'vk a', '--team', 't'], 'id: expected letters, digits'],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', '--provider', 'gemini'], 'providers[0]: expected one of openai|anthropic'],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', '--user-header', 'authorization'], "user_header: 'authorization' carries credentials"],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', '--attribution', 'team=u'], "attribution key 'team' is given twice (also by --team)"],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', '--expires', 'soon'], '--expires expects an ISO 8601 date'],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', '--attribution', '__proto__=x'], 'attribution.__proto__: attribution keys must start with a letter'],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', '--colour', 'red'], "Unknown option '--colour'"],
    [['create', '--file', 'keys.yaml', '--id', 'vk_a', '--team', 't', 'fo-StrayValue'], 'unexpected argument: every value follows its option'],
    [['rotate', '--file', 'keys.yaml'], "unknown command 'rotate': expected create, list or revoke"],
  ])('exits 2 with one line for a wrong command line: %j', async (argv, message) => {
    const result = await run(...argv)
    expect(result.code).toBe(2)
    expect(result.stderr).toContain(message)
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1)
    expect(result.stderr).not.toContain('StrayValue')
    expect(result.stdout).toBe('')
  })

  it('refuses an id that exists and leaves the file as it was', async () => {
    const file = newFile()
    await created(file, 'vk_a', '--team', 't')
    const before = readFileSync(file, 'utf8')
    const result = await run('create', '--file', file, '--id', 'vk_a', '--team', 'u')
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toContain(`a key with id 'vk_a' already exists in ${file}; choose another id`)
    expect(readFileSync(file, 'utf8')).toBe(before)
  })

  it('exits 3 when the keys file is invalid, naming each problem, or cannot be written', async () => {
    const file = newFile()
    writeFileSync(file, 'keys:\n  - id: vk_a\n    hash: nope\n    attribution: { team: "" }\n    created: 2026-12-01\n')
    const result = await run('create', '--file', file, '--id', 'vk_b', '--team', 't')
    expect(result.code).toBe(3)
    expect(result.stderr.split('\n').filter(Boolean)).toEqual([
      `finops-ai-gateway keys create: ${file}: keys[0].hash: expected 'sha256:' and 64 lower-case hex digits (a secret is never stored: create keys with \`keys create\`)`,
      `finops-ai-gateway keys create: ${file}: keys[0].attribution.team: expected a non-empty string`,
    ])
    expect(result.stdout).toBe('')
    const unwritable = join(tmpdir(), 'finops-no-such-directory', 'keys.yaml')
    expect(await run('create', '--file', unwritable, '--id', 'vk_b', '--team', 't')).toEqual({
      code: 3,
      stdout: '',
      stderr: `finops-ai-gateway keys create: cannot write ${unwritable}: no such file or directory (ENOENT)\n`,
    })
  })
})

describe('keys list', () => {
  it('shows ids, status, dates, attribution and permissions, never secrets or hashes', async () => {
    const file = newFile()
    const secrets = [
      await created(file, 'vk_support', '--team', 'support', '--cost-center', 'CC-4711'),
      await created(file, 'vk_ide', '--team', 'dev', '--user-header', 'x-user', '--model', 'gpt-4o-mini', '--provider', 'openai'),
    ]
    await run('revoke', '--file', file, '--id', 'vk_support')
    const result = await run('list', '--file', file)
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(/^ID\s+STATUS\s+CREATED\s+EXPIRES\s+ATTRIBUTION\s+USER HEADER\s+PROVIDERS\s+MODELS$/)
    expect(lines[1]).toMatch(/^vk_support\s+revoked\s+\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ\s+-\s+team=support costCenter=CC-4711\s+-\s+all\s+all$/)
    expect(lines[2]).toMatch(/^vk_ide\s+active\s+\S+\s+-\s+team=dev\s+x-user\s+openai\s+gpt-4o-mini$/)
    expect(result.stdout).not.toContain('sha256:')
    for (const secret of secrets) expect(result.stdout + result.stderr).not.toContain(secret.slice(3))
  })

  it('says so when the file holds no keys, and exits 3 when it is missing', async () => {
    const file = newFile()
    writeFileSync(file, 'keys: []\n')
    expect(await run('list', '--file', file)).toEqual({ code: 0, stdout: '', stderr: `${file} holds no keys; create one with keys create\n` })
    const missing = await run('list', '--file', newFile())
    expect(missing.code).toBe(3)
    expect(missing.stderr).toMatch(/^finops-ai-gateway keys list: cannot read keys file .*keys\.yaml: no such file or directory \(ENOENT\)\n$/)
  })
})

describe('keys revoke', () => {
  it('marks the key revoked, once', async () => {
    const file = newFile()
    const secret = await created(file, 'vk_a', '--team', 't')
    expect(await run('revoke', '--file', file, '--id', 'vk_a')).toEqual({
      code: 0,
      stdout: `Revoked vk_a in ${file}; a running gateway refuses it once it has reloaded the file.\n`,
      stderr: '',
    })
    expect(fileKeyStore(file, { watch: false }).lookup(secret)).toBeUndefined()
    expect(await run('revoke', '--file', file, '--id', 'vk_a')).toMatchObject({ code: 0, stdout: `vk_a was already revoked in ${file}\n` })
  })

  it('exits 2 for an unknown id with a suggestion, and never echoes a secret given as the id', async () => {
    const file = newFile()
    const secret = await created(file, 'vk_support', '--team', 't')
    const typo = await run('revoke', '--file', file, '--id', 'vk_suport')
    expect(typo.code).toBe(2)
    expect(typo.stderr).toContain(`no key with id 'vk_suport' in ${file} (did you mean 'vk_support'?)`)
    const pasted = await run('revoke', '--file', file, '--id', secret)
    expect(pasted.code).toBe(2)
    expect(pasted.stderr).toContain("--id takes the key's id (see keys list), not its secret")
    expect(pasted.stderr).not.toContain(secret.slice(3))
  })
})

describe('keys help', () => {
  it('prints the help on stdout for --help and on stderr with exit 2 when no command is given', async () => {
    const help = await run('--help')
    expect(help).toMatchObject({ code: 0, stderr: '' })
    expect(help.stdout).toContain('Usage: finops-ai-gateway keys <create|list|revoke>')
    expect(await run('create', '--help')).toMatchObject({ code: 0, stdout: help.stdout })
    expect(await run()).toEqual({ code: 2, stdout: '', stderr: help.stdout })
  })
})
