import type { Fetch } from './upstream-fetch.js'

const DEPLOYMENT_SEGMENT = /\/deployments\/([^/?]+)/

/**
 * A `fetch` for the `AzureOpenAI` client that sends a model's calls to its named deployment: the
 * client puts the request's `model` in the path (`/openai/deployments/<model>/chat/completions`),
 * and this replaces it with `deployments[model]`. The body keeps the model the caller named, so the
 * call is priced and recorded by it. A model not listed keeps its name as the deployment. Requests
 * are sent with `send`.
 */
export function deploymentFetch(deployments: Readonly<Record<string, string>>, send: Fetch): Fetch {
  return (input, init) => {
    if (typeof input !== 'string') return send(input, init)
    const url = input.replace(DEPLOYMENT_SEGMENT, (segment, model: string) => {
      const deployment = Object.hasOwn(deployments, decodeURIComponent(model)) ? deployments[decodeURIComponent(model)] : undefined
      return deployment === undefined ? segment : `/deployments/${encodeURIComponent(deployment)}`
    })
    return send(url, init)
  }
}
