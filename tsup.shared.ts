import { defineConfig, type Options } from 'tsup'

/** The build every package shares: dual ESM + CJS with type declarations, for Node 20. */
export function packageBuild(entry: string[], options: Options = {}) {
  return defineConfig({ entry, format: ['esm', 'cjs'], dts: true, clean: true, sourcemap: true, target: 'node20', ...options })
}
