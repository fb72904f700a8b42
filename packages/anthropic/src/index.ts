export { withFinOps } from './with-finops.js'
export type { FinOpsAnthropicOptions } from './finops-anthropic-options.js'
