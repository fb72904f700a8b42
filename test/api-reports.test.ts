// The public surface of every package is reviewed: a change to what a package exports fails here
// until its report under packages/<name>/api/ is regenerated (`node test/api-reports.mjs --update`)
// and committed with the change. Needs the packages built first, as the root `pnpm test` does.
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'

const root = fileURLToPath(new URL('..', import.meta.url))

it('matches the committed API report of every package entry point', () => {
  const check = spawnSync(process.execPath, ['test/api-reports.mjs'], { cwd: root, encoding: 'utf8' })
  expect(check.status, check.stdout + check.stderr).toBe(0)
}, 240_000)
