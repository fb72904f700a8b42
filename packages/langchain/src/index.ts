// Both providers; apps with only one of `@langchain/openai` / `@langchain/anthropic` installed
// import `@finops-ai/langchain/openai` or `@finops-ai/langchain/anthropic` instead.
export { finopsChatAnthropic, type FinOpsAnthropicOptions } from './anthropic/index.js'
export {
  finopsAzureChatOpenAI,
  finopsAzureOpenAIEmbeddings,
  finopsChatOpenAI,
  finopsOpenAIEmbeddings,
  type AzureOpenAIEmbeddingsFields,
  type FinOpsOpenAIOptions,
  type OpenAIEmbeddingsFields,
} from './openai/index.js'
