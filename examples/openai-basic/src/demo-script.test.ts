import { execFile } from 'node:child_process'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'

const root = fileURLToPath(new URL('../../../', import.meta.url))
const tsxCli = createRequire(import.meta.url).resolve('tsx/cli')

describe('the root `pnpm demo` script', () => {
  it('builds nothing: it runs each example with tsx on the TypeScript sources', async () => {
    const { scripts } = JSON.parse(await readFile(`${root}package.json`, 'utf8')) as { scripts: Record<string, string> }
    const commands = (scripts.demo ?? '').split('&&').map((command) => command.trim().split(/\s+/))
    expect(commands).toEqual([
      ['tsx', 'examples/openai-basic/src/main.ts'],
      ['tsx', 'examples/anthropic-streaming/src/main.ts'],
    ])
  })

  it('resolves the @finops-ai packages to their TypeScript sources (the tsconfig paths), not to a build', async () => {
    const names = ['@finops-ai/core', '@finops-ai/openai', '@finops-ai/anthropic', '@finops-ai/testing']
    const script = `for (const name of ${JSON.stringify(names)}) console.log(import.meta.resolve(name))`
    const { stdout } = await promisify(execFile)(process.execPath, [tsxCli, '--input-type=module', '-e', script], { cwd: root })
    expect(stdout.trim().split('\n')).toEqual(names.map((name) => `file://${root}packages/${name.split('/')[1]}/src/index.ts`))
  })

  it('prints the demo itself from its first line, with no build output and nothing on stderr', async () => {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [tsxCli, 'examples/openai-basic/src/main.ts'], {
      cwd: root,
      env: { ...process.env, OPENAI_API_KEY: '' },
    })
    expect(stdout.split('\n')[0]).toMatch(/^finops-ai demo: an OpenAI client wrapped with withFinOps\(\), calling the keyless fake provider/)
    expect(stdout).not.toMatch(/tsup|DTS|Build success/)
    expect(stderr).toBe('')
  })
})
