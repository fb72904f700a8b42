import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

export default defineConfig({
  resolve: {
    // Tests run against the TypeScript sources; the packaging test covers the built output.
    alias: [
      { find: /^@finops-ai\/core\/testing$/, replacement: source('packages/core/src/testing/index.ts') },
      { find: /^@finops-ai\/core$/, replacement: source('packages/core/src/index.ts') },
      { find: /^@finops-ai\/openai$/, replacement: source('packages/openai/src/index.ts') },
      { find: /^@finops-ai\/eslint-plugin$/, replacement: source('packages/eslint-plugin/src/index.ts') },
      { find: /^@finops-ai\/redis$/, replacement: source('packages/redis/src/index.ts') },
      { find: /^@finops-ai\/focus$/, replacement: source('packages/focus/src/index.ts') },
      { find: /^@finops-ai\/anthropic$/, replacement: source('packages/anthropic/src/index.ts') },
      { find: /^@finops-ai\/testing$/, replacement: source('packages/testing/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 20_000,
  },
})
