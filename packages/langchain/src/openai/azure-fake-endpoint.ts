import type { FakeProvider } from '@finops-ai/testing'

/**
 * For tests: the fields that point a LangChain Azure model at `fakeProvider()`. The fake provider
 * speaks OpenAI's paths, so the client's `fetch` maps Azure's deployment paths
 * (`/openai/deployments/{deployment}/chat/completions?api-version=...`) onto them (`/v1/chat/completions?api-version=...`).
 */
export function azureFakeEndpoint(provider: FakeProvider, deployment: string) {
  const fetchOpenAIPath: typeof fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input))
    url.pathname = url.pathname.replace(/^\/openai\/deployments\/[^/]+\//, '/v1/')
    return fetch(url, init)
  }
  return {
    azureOpenAIApiKey: 'test',
    azureOpenAIBasePath: `${provider.url}/openai/deployments`,
    azureOpenAIApiDeploymentName: deployment,
    azureOpenAIApiVersion: '2024-10-21',
    configuration: { fetch: fetchOpenAIPath },
  }
}
