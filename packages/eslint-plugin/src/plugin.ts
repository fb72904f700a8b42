import type { ESLint, Linter, Rule } from 'eslint'
import { requireFinOpsWrapper } from './require-finops-wrapper.js'

/** The plugin object: `meta`, `rules` and the flat config `configs.recommended`. */
export interface FinOpsEslintPlugin extends ESLint.Plugin {
  meta: { name: string; version: string }
  rules: { 'require-finops-wrapper': Rule.RuleModule }
  configs: { recommended: Linter.Config }
}

/**
 * `@finops-ai/eslint-plugin`. Use `plugin.configs.recommended` in `eslint.config.js`, or register
 * the plugin under the `@finops-ai` prefix and turn on `@finops-ai/require-finops-wrapper`.
 */
export const plugin: FinOpsEslintPlugin = {
  meta: { name: '@finops-ai/eslint-plugin', version: '0.1.0' },
  rules: { 'require-finops-wrapper': requireFinOpsWrapper },
  configs: { recommended: {} },
}

plugin.configs.recommended = {
  name: '@finops-ai/recommended',
  plugins: { '@finops-ai': plugin },
  rules: { '@finops-ai/require-finops-wrapper': 'error' },
}
