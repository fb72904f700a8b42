export { withFinOps } from './with-finops.js'
export type { FinOpsOpenAIOptions, StreamUsageMode } from './finops-openai-options.js'
