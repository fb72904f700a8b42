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
  { find: /^@finops-ai\/langchain\/openai$/, replacement: source('packages/langchain/src/openai/index.ts') },
  { find: /^@finops-ai\/langchain\/anthropic$/, replacement: source('packages/langchain/src/anthropic/index.ts') },
  { find: /^@finops-ai\/langchain$/, replacement: source('packages/langchain/src/index.ts') },
  { find: /^@finops-ai\/gateway$/, replacement: source('packages/gateway/src/index.ts') },
]

export default defineConfig({
  test: {
    // test/run-node-matrix.mjs gives each Node line its own report and merges them.
    reporters: ['default', ['json', { outputFile: process.env.FINOPS_VITEST_REPORT ?? 'test-results/vitest.json' }]],
    // Every project below `extends` this root, so it inherits the timeout.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        resolve: { alias: workspaceSources },
        test: {
          name: 'default',
          include: ['packages/*/src/**/*.test.ts', 'test/**/*.test.ts', 'examples/*/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      {
        // Version matrix: the OpenAI adapter's suite again on the lowest supported major (openai 5).
        extends: true,
        resolve: { alias: [...workspaceSources, { find: /^openai$/, replacement: 'openai-v5' }] },
        test: {
          name: 'openai@5',
          include: ['packages/openai/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      {
        // Version matrix: the Anthropic adapter's suite again on the lowest supported release (1.0.0).
        extends: true,
        resolve: { alias: [...workspaceSources, { find: /^@anthropic-ai\/sdk$/, replacement: 'anthropic-sdk-v1-0' }] },
        test: {
          name: '@anthropic-ai/sdk@1.0',
          include: ['packages/anthropic/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**'],
        },
      },
      // Version matrix: the AI SDK integration's suite again on ai 7 with its provider majors (ai 7
      // requires Node >= 22, so the project exists only there).
      ...(Number(process.versions.node.split('.')[0]) >= 22
        ? [
            {
              extends: true as const,
              resolve: {
                alias: [
                  ...workspaceSources,
                  { find: /^ai$/, replacement: 'ai-v7' },
                  { find: /^@ai-sdk\/openai$/, replacement: 'ai-sdk-openai-v4' },
                  { find: /^@ai-sdk\/anthropic$/, replacement: 'ai-sdk-anthropic-v4' },
                  { find: /^@ai-sdk\/provider$/, replacement: 'ai-sdk-provider-v4' },
                ],
              },
              test: {
                name: 'ai@7',
                include: ['packages/ai-sdk/src/**/*.test.ts'],
                exclude: ['**/node_modules/**', '**/dist/**'],
              },
            },
          ]
        : []),
      {
        // Version matrix: the Anthropic adapter's suite on the 0.x release @langchain/anthropic pins (0.122).
        // That release has no tracing of its own, so the tests of suppressing the SDK's spans do not apply.
        extends: true,
        resolve: { alias: [...workspaceSources, { find: /^@anthropic-ai\/sdk$/, replacement: 'anthropic-sdk-v0-122' }] },
        test: {
          name: '@anthropic-ai/sdk@0.122',
          include: ['packages/anthropic/src/**/*.test.ts'],
          exclude: ['**/node_modules/**', '**/dist/**', 'packages/anthropic/src/suppress-native-call-spans.test.ts'],
        },
      },
    ],
  },
})
