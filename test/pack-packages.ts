// Packs the publishable packages as npm would publish them (`pnpm pack`, so `workspace:*` becomes
// the real version), for the tests that install them into a scratch app.
import { execFileSync } from 'node:child_process'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))

/** The fields of a package manifest the packing tests read. */
export interface Manifest {
  name: string
  version: string
  private?: boolean
  exports: Record<string, unknown>
  peerDependencies?: Record<string, string>
  devDependencies?: Record<string, string>
}

/** A publishable package: its directory under `packages/` and its manifest. */
export interface PublishablePackage {
  directory: string
  manifest: Manifest
}

/** Every package under `packages/` that is not private. */
export const publishablePackages: PublishablePackage[] = readdirSync(join(root, 'packages'))
  .map((directory) => ({ directory, manifest: JSON.parse(readFileSync(join(root, 'packages', directory, 'package.json'), 'utf8')) as Manifest }))
  .filter(({ manifest }) => !manifest.private)

/**
 * Packs each package into `destination` and returns package name → tarball path. Throws when a
 * package is not built (the root `pnpm test` builds first).
 */
export function packPackages(destination: string, packages: readonly PublishablePackage[] = publishablePackages): Record<string, string> {
  const tarballs: Record<string, string> = {}
  for (const { directory, manifest } of packages) {
    const packageRoot = join(root, 'packages', directory)
    if (!existsSync(join(packageRoot, 'dist'))) throw new Error(`packages/${directory} is not built: run the root build first`)
    execFileSync('npx', ['--yes', 'pnpm@12.4.2', 'pack', '--pack-destination', destination], { cwd: packageRoot, stdio: 'ignore' })
    tarballs[manifest.name] = join(destination, `${manifest.name.replace('@', '').replace('/', '-')}-${manifest.version}.tgz`)
  }
  return tarballs
}
