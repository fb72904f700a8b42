import { plugin } from './plugin.js'

export { plugin } from './plugin.js'
export type { FinOpsEslintPlugin } from './plugin.js'
export { requireFinOpsWrapper } from './require-finops-wrapper.js'
export type { RequireFinOpsWrapperOptions } from './require-finops-wrapper.js'

/** The rules of the plugin, by name (without the `@finops-ai/` prefix). */
export const rules = plugin.rules

/** The plugin's shareable flat configs; `configs.recommended` turns the rule on as an error. */
export const configs = plugin.configs

export default plugin
