import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url))

// Tests run against the TypeScript sources; the packaging test covers the built output.
const workspaceSources = [
  { find: /^@finops-ai\/core\/testing$/, replacement: source('packages/core/src/testing/index.ts') },
  { find: /^@finops-ai\/core$/, replacement: source('packages/core/src/index.ts') },
  { find: /^@finops-ai\/openai$/, replacement: source('packages/openai/src/index.ts') },
  { find: /^@finops-ai\/anthropic$/, replacement: source('packages/anthropic/src/index.ts') },
  { find: /^@finops-ai\/eslint-plugin$/, replacement: source('packages/eslint-plugin/src/index.ts') },
  { find: /^@finops-ai\/redis\/testing$/, replacement: source('packages/redis/src/testing/index.ts') },
  { find: /^@finops-ai\/redis$/, replacement: source('packages/redis/src/index.ts') },
  { find: /^@finops-ai\/focus$/, replacement: source('packages/focus/src/index.ts') },
  { find: /^@finops-ai\/testing$/, replacement: source('packages/testing/src/index.ts') },
  { find: /^@finops-ai\/ai-sdk$/, replacement: source('packages/ai-sdk/src/index.ts') },
  { find: /^@finops-ai\/langchain$/, replacement: source('packages/langchain/src/index.ts') },
]

export default defineConfig({
  test: {
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    testTimeout: 20_000,
    projects: [
      {
        resolve: { alias: workspaceSources },
        test: {
          name: 'default',
          include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      {
        // Version matrix: the OpenAI adapter's suite again on the lowest supported major (openai 5).
        resolve: { alias: [...workspaceSources, { find: /^openai$/, replacement: 'openai-v5' }] },
        test: {
          name: 'openai@5',
          include: ['packages/openai/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      {
        // Version matrix: the Anthropic adapter's suite again on the lowest supported release (1.0.0).
        resolve: { alias: [...workspaceSources, { find: /^@anthropic-ai\/sdk$/, replacement: 'anthropic-sdk-v1-0' }] },
        test: {
          name: '@anthropic-ai/sdk@1.0',
          include: ['packages/anthropic/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
    ],
  },
})
