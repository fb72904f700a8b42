export { finopsChatAnthropic } from './finops-chat-anthropic.js'
export type { FinOpsAnthropicOptions } from '@finops-ai/anthropic'
